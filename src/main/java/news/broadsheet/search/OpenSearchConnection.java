package news.broadsheet.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Options;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.io.IOException;
import java.net.URISyntaxException;

/** The client of the OpenSearch cluster ({@code broadsheet.search.opensearch.*}), made on first use. */
@ApplicationScoped
public class OpenSearchConnection {

    private final BroadsheetConfig.OpenSearch config;
    private OpenSearchTransport transport;
    private OpenSearchClient client;
    private OpenSearchGenericClient writes;

    OpenSearchConnection(BroadsheetConfig config) {
        this.config = config.search().opensearch();
    }

    public synchronized OpenSearchClient client() {
        if (client == null) {
            transport = transport();
            client = new OpenSearchClient(transport);
        }
        return client;
    }

    /** The REST API with the writes' longer wait ({@code write-timeout}): bulk writes, index creation, alias moves. */
    synchronized OpenSearchGenericClient writes() {
        if (writes == null) {
            RequestConfig longer = RequestConfig.custom().setResponseTimeout(Timeout.of(config.writeTimeout()))
                    .setConnectionRequestTimeout(Timeout.of(config.timeout())).build();
            writes = client().generic().withTransportOptions(ApacheHttpClient5Options.DEFAULT.toBuilder().setRequestConfig(longer).build());
        }
        return writes;
    }

    private OpenSearchTransport transport() {
        HttpHost[] hosts = config.hosts().stream().map(OpenSearchConnection::host).toArray(HttpHost[]::new);
        Timeout timeout = Timeout.of(config.timeout());
        return ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(http -> {
                    if (config.username().isPresent()) {
                        var credentials = new BasicCredentialsProvider();
                        for (HttpHost host : hosts) {
                            credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(
                                    config.username().get(), config.password().orElse("").toCharArray()));
                        }
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    return http;
                })
                .setConnectionConfigCallback(connection -> connection.setConnectTimeout(timeout).setSocketTimeout(timeout))
                .setRequestConfigCallback(request -> request.setResponseTimeout(timeout).setConnectionRequestTimeout(timeout))
                .build();
    }

    private static HttpHost host(String address) {
        try {
            return HttpHost.create(address.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broadsheet.search.opensearch.hosts: '" + address + "' is not an address", e);
        }
    }

    @PreDestroy
    synchronized void close() throws IOException {
        if (transport != null) {
            transport.close();
        }
    }
}

package news.broadsheet.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The articles' index on OpenSearch, behind an alias ({@code <prefix>articles}) that searches read: each build makes a
 * new index ({@code <prefix>articles-<time>}) and moves the alias to it in one step. The mapping is
 * {@code search/article-index.json}; an index records which version of it it was built with, and one built with another
 * is rebuilt. Every call speaks OpenSearch's REST API through the client's transport.
 */
@ApplicationScoped
public class ArticleIndex {

    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final String NDJSON = "application/x-ndjson";
    private static final String BEING_BUILT = "the search index is being built";
    /** What a multi-search answers of each search: its hits' sort values, their count and its error (took keeps every search's place). */
    private static final String MULTI_SEARCH_ANSWER = "responses.took,responses.hits.hits.sort,responses.hits.total.value,responses.error,responses.status";

    private final OpenSearchConnection connection;
    private final ObjectMapper json;
    private final String prefix;
    private final int replicas;
    private final ObjectNode definition;
    private final String mappingVersion;
    private final Set<String> stopWords;

    ArticleIndex(OpenSearchConnection connection, BroadsheetConfig config) throws IOException {
        this.connection = connection;
        // not the API's mapper: its limits are for clients' bodies, and a bulk answer is larger
        this.json = new ObjectMapper();
        this.prefix = config.search().opensearch().indexPrefix();
        this.replicas = config.search().opensearch().replicas();
        byte[] mapping;
        try (InputStream resource = ArticleIndex.class.getResourceAsStream("/search/article-index.json")) {
            mapping = resource.readAllBytes();
        }
        this.definition = (ObjectNode) json.readTree(mapping);
        this.mappingVersion = HexFormat.of().formatHex(sha256(mapping));
        Set<String> words = new HashSet<>();
        definition.path("settings").path("analysis").path("filter").path("broadsheet_stop").path("stopwords")
                .forEach(word -> words.add(word.asText()));
        this.stopWords = Set.copyOf(words);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The words the index's analyzer drops (PostgreSQL's English list), which a query must drop too. */
    public Set<String> stopWords() {
        return stopWords;
    }

    /** The name searches read, whichever index it points to. */
    public String alias() {
        return prefix + "articles";
    }

    /** The index the alias points to; empty before the first build has completed. */
    Optional<String> liveIndex() throws IOException {
        JsonNode answer = call("GET", "/_alias/" + alias(), null, 404);
        if (answer == null) {
            return Optional.empty();
        }
        Iterator<String> names = answer.fieldNames();
        return names.hasNext() ? Optional.of(names.next()) : Optional.empty();
    }

    /** A new empty index with the current mapping, not refreshed until it is {@link #open(String) opened}. */
    String createIndex() throws IOException {
        String name = prefix + "articles-" + INDEX_TIME.format(Instant.now());
        ObjectNode index = definition.deepCopy();
        ObjectNode settings = (ObjectNode) index.get("settings");
        settings.put("number_of_replicas", replicas);
        settings.put("refresh_interval", "-1"); // filled in bulk first
        ((ObjectNode) index.get("mappings")).putObject("_meta").put("mapping", mappingVersion);
        call("PUT", "/" + name, index.toString());
        return name;
    }

    /** Whether {@code index} was built with this version's mapping and analysis (a hash of article-index.json). */
    boolean hasCurrentMapping(String index) throws IOException {
        JsonNode answer = call("GET", "/" + index + "/_mapping", null);
        return mappingVersion.equals(answer.path(index).path("mappings").path("_meta").path("mapping").asText());
    }

    /** Makes a filled index searchable: refreshed, refreshing itself again, and the alias moved to it from {@code previous}. */
    void open(String index, Optional<String> previous) throws IOException {
        call("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
        call("POST", "/" + index + "/_refresh", null);
        ObjectNode actions = json.createObjectNode();
        var list = actions.putArray("actions");
        list.addObject().putObject("add").put("index", index).put("alias", alias());
        previous.ifPresent(old -> list.addObject().putObject("remove").put("index", old).put("alias", alias()));
        call("POST", "/_aliases", actions.toString());
        if (previous.isPresent()) {
            call("DELETE", "/" + previous.get(), null, 404);
        }
    }

    /**
     * Writes these documents and removes these articles, in every one of {@code indices}. With {@code searchable},
     * searches see them when this returns. A document the index refuses for itself (a mapping error: no retry would
     * take it) is answered among the refusals, so that one article cannot hold up every change after it; anything else
     * the cluster does not take is an exception, and the whole batch is written again later.
     */
    List<String> write(Collection<String> indices, List<Map<String, Object>> documents, Collection<UUID> removed, boolean searchable)
            throws IOException {
        List<String> refused = new ArrayList<>();
        if (indices.isEmpty() || documents.isEmpty() && removed.isEmpty()) {
            return refused;
        }
        var bulk = new ByteArrayOutputStream();
        for (String index : indices) {
            for (Map<String, Object> document : documents) {
                line(bulk, Map.of("index", Map.of("_index", index, "_id", document.get("id"))));
                line(bulk, document);
            }
            for (UUID id : removed) {
                line(bulk, Map.of("delete", Map.of("_index", index, "_id", id.toString())));
            }
        }
        JsonNode answer = call(Requests.builder().method("POST").endpoint("/_bulk?filter_path=errors,items.*._id,items.*.status,items.*.error" + (searchable ? "&refresh=true" : ""))
                .body(Body.from(bulk.toByteArray(), NDJSON)).build());
        if (answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.elements().next();
                int status = result.path("status").asInt();
                if (status < 300 || status == 404 && item.has("delete")) {
                    continue;
                }
                if (status == 400 && item.has("index")) {
                    refused.add(result.path("_id").asText() + ": " + result.path("error").path("reason").asText());
                } else {
                    throw new IOException("OpenSearch did not take a change (" + status + "): " + result.path("error"));
                }
            }
        }
        return refused;
    }

    /** Runs a search on the alias; @throws SearchUnavailable when there is no index yet or the cluster does not answer */
    public JsonNode search(ObjectNode request) {
        return searchCall(Requests.builder().method("POST").endpoint("/" + alias() + "/_search").json(request.toString()).build());
    }

    /**
     * Runs these searches on the alias in one round trip, which the cluster answers side by side; their answers, in
     * order, with their hits' sort values and total alone. @throws SearchUnavailable as {@link #search}, when any of
     * them fails
     */
    public List<JsonNode> multiSearch(List<ObjectNode> requests) {
        var body = new ByteArrayOutputStream();
        for (ObjectNode request : requests) {
            line(body, Map.of());
            line(body, request);
        }
        JsonNode answer = searchCall(Requests.builder().method("POST").endpoint("/" + alias() + "/_msearch?filter_path=" + MULTI_SEARCH_ANSWER)
                .body(Body.from(body.toByteArray(), NDJSON)).build());
        List<JsonNode> answers = new ArrayList<>();
        for (JsonNode each : answer.path("responses")) {
            if (each.has("error")) {
                throw each.path("status").asInt() == 404
                        ? new SearchUnavailable(BEING_BUILT)
                        : new SearchUnavailable("the search cluster refused a search (" + each.path("error").path("reason").asText() + ")");
            }
            answers.add(each);
        }
        return answers;
    }

    /** A search call, with the searches' shorter wait; @throws SearchUnavailable when there is no index yet or the cluster does not answer */
    private JsonNode searchCall(Request request) {
        try {
            JsonNode answer = call(connection.client().generic(), request, 404);
            if (answer == null) {
                throw new SearchUnavailable(BEING_BUILT);
            }
            return answer;
        } catch (IOException e) {
            throw new SearchUnavailable("the search cluster does not answer (" + e.getMessage() + ")");
        }
    }

    /** Makes every write so far searchable now, for tests and rebuilds rather than waiting a refresh interval. */
    public void refresh() throws IOException {
        call("POST", "/" + alias() + "/_refresh", null);
    }

    private void line(ByteArrayOutputStream out, Object value) {
        try {
            json.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
    }

    private JsonNode call(String method, String endpoint, String body) throws IOException {
        return call(method, endpoint, body, -1);
    }

    /** The answer, or null when it is {@code absentStatus}. */
    private JsonNode call(String method, String endpoint, String body, int absentStatus) throws IOException {
        var request = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            request.json(body);
        }
        return call(request.build(), absentStatus);
    }

    private JsonNode call(Request request) throws IOException {
        return call(request, -1);
    }

    /** Any call but a search: with the writes' longer wait. */
    private JsonNode call(Request request, int absentStatus) throws IOException {
        return call(connection.writes(), request, absentStatus);
    }

    private JsonNode call(OpenSearchGenericClient client, Request request, int absentStatus) throws IOException {
        try (Response response = client.execute(request)) {
            if (response.getStatus() == absentStatus) {
                return null;
            }
            String text = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() >= 300) {
                throw new IOException(request.getMethod() + " " + request.getEndpoint() + ": " + response.getStatus() + " " + text);
            }
            return json.readTree(text);
        } catch (RuntimeException e) {
            throw new IOException(request.getMethod() + " " + request.getEndpoint() + " failed: " + e.getMessage(), e);
        }
    }
}

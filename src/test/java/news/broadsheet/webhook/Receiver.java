package news.broadsheet.webhook;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A webhook receiver in the test's JVM: a real HTTP server that records what it is sent and answers as told. */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived: headers by lower-case name, the body as sent. */
    public record Delivery(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public JsonPath json() {
            return new JsonPath(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private volatile int usualAnswer = 204;

    private Receiver(HttpServer server) {
        this.server = server;
    }

    public static Receiver start() {
        return start(0);
    }

    public static Receiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            Receiver receiver = new Receiver(server);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Map<String, List<String>> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
                receiver.received.add(new Delivery(headers, new String(body, StandardCharsets.UTF_8)));
                Integer status = receiver.answers.poll();
                int answer = status == null ? receiver.usualAnswer : status;
                byte[] text = ("answered " + answer).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, answer == 204 ? -1 : text.length);
                if (answer != 204) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(text);
                    }
                }
                exchange.close();
            });
            server.setExecutor(receiver.threads);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next requests get these statuses, in order; then the usual answer again. */
    public Receiver thenAnswer(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    public Receiver alwaysAnswer(int status) {
        usualAnswer = status;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Delivery> received() {
        return new ArrayList<>(received);
    }

    /** What arrived about the resource with this slug (data.slug or data.oldSlug). */
    public List<Delivery> about(String slug) {
        return received().stream().filter(d -> slug.equals(d.json().getString("data.slug")) || slug.equals(d.json().getString("data.oldSlug")))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

package news.broadsheet.webhook;

import com.standardwebhooks.Webhook;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import news.broadsheet.Api;
import news.broadsheet.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries from two instances of the packaged service on one database: each event goes out once, whichever
 * instance claims it; and a delivery that failed before a restart goes out after it, from the outbox in the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhooksIT {

    private static final int CHANGES = 60;
    /** TEST DEFAULT, not a secret: encrypts the webhook secrets of the test's throwaway database. */
    private static final String SECRET_KEY = "aXQtb25seS1rZXktZm9yLXdlYmhvb2stc2VjcmV0cyE=";

    private static ServiceProcess.Database database;
    private static ServiceProcess first;
    private static ServiceProcess second;

    private static Map<String, String> environment(Map<String, String> database) {
        Map<String, String> environment = new HashMap<>(database);
        environment.put("BROADSHEET_WEBHOOKS_SECRET_KEY", SECRET_KEY);
        environment.put("BROADSHEET_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        environment.put("BROADSHEET_WEBHOOKS_RETRY_DELAYS", "1s");
        environment.put("BROADSHEET_WEBHOOKS_INTERVAL", "300ms");
        return environment;
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = ServiceProcess.Database.embeddedOrExternal("target/postgres-webhooks-it");
        first = ServiceProcess.start("webhooks-first", environment(database.owningDatabase(true)));
        second = ServiceProcess.start("webhooks-second", environment(database.sharingDatabase()));
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        if (second != null) {
            second.stop();
        }
        if (first != null) {
            first.stop();
        }
    }

    private static JsonPath subscribe(ServiceProcess instance, String url) {
        return instance.editor().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("article.published", "article.updated")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private static String section(ServiceProcess instance) {
        String section = Api.unique("section");
        instance.editor().contentType(ContentType.JSON).body(Map.of("name", "Webhooks")).put("/api/v1/sections/" + section)
                .then().statusCode(201);
        return section;
    }

    private static String publish(ServiceProcess instance, String section) {
        Map<String, Object> article = new HashMap<>(Api.article(section));
        instance.editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + article.get("slug")).then().statusCode(201);
        return (String) article.get("slug");
    }

    @Test
    @Order(1)
    void twoInstancesDeliverEachEventOnce() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            JsonPath webhook = subscribe(first, receiver.url());
            String secret = webhook.getString("secret");
            String section = section(first);
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<String>> slugs = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                ServiceProcess instance = i % 2 == 0 ? first : second;
                slugs.add(writers.submit(() -> publish(instance, section)));
            }
            List<String> published = new ArrayList<>();
            for (Future<String> slug : slugs) {
                published.add(slug.get());
            }
            writers.shutdown();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().stream()
                        .map(delivery -> delivery.json().getString("data.slug")).collect(Collectors.toSet()).containsAll(published));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(receiver.received().size() + " of " + CHANGES + " arrived; the log says: "
                        + first.editor().get("/api/v1/webhooks/" + webhook.getString("id") + "/deliveries?limit=100").asString(), e);
            }
            Thread.sleep(2000); // a second delivery of any event, if there were one, arrives meanwhile
            Map<String, Long> perId = receiver.received().stream()
                    .collect(Collectors.groupingBy(delivery -> delivery.header("webhook-id"), Collectors.counting()));
            assertEquals(CHANGES, perId.size());
            assertTrue(perId.values().stream().allMatch(count -> count == 1), "an event was delivered twice: " + perId);
            for (Receiver.Delivery delivery : receiver.received()) {
                new Webhook(secret).verify(delivery.body(), delivery.headers());
            }
        }
    }

    @Test
    @Order(2)
    void aDeliveryThatFailedBeforeARestartGoesOutAfterIt() throws Exception {
        int port;
        try (Receiver gone = Receiver.start()) {
            port = gone.port();
        }
        String url = "http://127.0.0.1:" + port + "/hooks";
        JsonPath webhook = subscribe(first, url);
        String slug = publish(first, section(first));
        Function<ServiceProcess, JsonPath> log = instance -> instance.editor()
                .get("/api/v1/webhooks/" + webhook.getString("id") + "/deliveries").then().statusCode(200).extract().jsonPath();
        await().atMost(Duration.ofSeconds(20)).until(() -> log.apply(first).getString("items[0].lastError") != null);

        second.stop();
        first.stop();
        second = null;
        try (Receiver receiver = Receiver.start(port)) {
            first = ServiceProcess.start("webhooks-first-again", environment(database.owningDatabase(false)));
            List<Receiver.Delivery> arrived = await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(slug), list -> !list.isEmpty());
            new Webhook(webhook.getString("secret")).verify(arrived.get(0).body(), arrived.get(0).headers());
            JsonPath after = await().atMost(Duration.ofSeconds(10)).until(() -> log.apply(first),
                    page -> "DELIVERED".equals(page.getString("items[0].status")));
            assertTrue(after.getInt("items[0].attempts") >= 2, "delivered at the first attempt: the receiver was not down");
        }
    }
}

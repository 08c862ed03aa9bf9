package news.broadsheet.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import news.broadsheet.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.broadsheet.Api.editor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliveries to real receivers, checked with the Standard Webhooks reference verifier. */
@QuarkusTest
class WebhookDeliveryTest {

    static final List<String> ARTICLE_EVENTS = List.of("article.published", "article.updated", "article.unpublished", "article.deleted");

    private final List<Receiver> receivers = new ArrayList<>();
    private final List<String> webhooks = new ArrayList<>();

    @AfterEach
    void stop() {
        webhooks.forEach(id -> editor().delete("/api/v1/webhooks/" + id));
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver() {
        Receiver receiver = Receiver.start();
        receivers.add(receiver);
        return receiver;
    }

    /** Creates a webhook for the receiver and answers the creation's body (with the secret). */
    JsonPath subscribe(Receiver receiver, List<String> events) {
        JsonPath created = editor().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", events, "description", "test receiver"))
                .post("/api/v1/webhooks")
                .then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
        webhooks.add(created.getString("id"));
        return created;
    }

    private static void verify(String secret, Receiver.Delivery delivery) {
        try {
            new Webhook(secret).verify(delivery.body(), delivery.headers());
        } catch (WebhookVerificationException e) {
            throw new AssertionError("The reference verifier refused the delivery: " + e.getMessage(), e);
        }
    }

    /** The change feed's cursor now. */
    private static String feedEnd() {
        String cursor = null;
        while (true) {
            JsonPath page = editor().queryParam("limit", 1000).queryParams(cursor == null ? Map.of() : Map.of("after", cursor))
                    .get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("next");
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
        }
    }

    private static List<Receiver.Delivery> arrived(Receiver receiver, String slug, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> receiver.about(slug), hasSize(count));
    }

    @Test
    void everyArticleChangeArrivesSignedAndTheReferenceVerifierAcceptsIt() {
        Receiver receiver = receiver();
        JsonPath webhook = subscribe(receiver, ARTICLE_EVENTS);
        String secret = webhook.getString("secret");
        String section = Api.section();
        String feedEnd = feedEnd();
        Map<String, Object> article = new HashMap<>(Api.article(section));
        String slug = Api.create(article);

        Receiver.Delivery published = arrived(receiver, slug, 1).get(0);
        verify(secret, published);
        assertEquals("article.published", published.json().getString("type"));
        assertEquals(section, published.json().getString("data.section"));
        assertEquals("https://news.example/" + section + "/" + slug, published.json().getString("data.url"));
        assertEquals("application/json", published.header("content-type"));
        assertTrue(published.header("webhook-id").startsWith("evt_"));
        // the same id in the change feed, with the same content
        JsonPath feed = editor().queryParam("after", feedEnd).queryParam("limit", 1000).get("/api/v1/events")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> same = feed.getList("items.findAll { it.id == '" + published.header("webhook-id") + "' }");
        assertEquals(1, same.size());
        assertEquals(published.json().getString("type"), same.get(0).get("type"));
        assertEquals(published.json().getMap("data"), same.get(0).get("data"));
        assertEquals(published.json().getString("timestamp"), same.get(0).get("timestamp"));

        String renamed = slug + "-renamed";
        editor().contentType("application/merge-patch+json").body(Map.of("slug", renamed)).patch("/api/v1/articles/" + slug)
                .then().statusCode(200);
        editor().contentType("application/merge-patch+json").body(Map.of("status", "DRAFT")).patch("/api/v1/articles/" + renamed)
                .then().statusCode(200);
        // a draft changes unseen: no event
        editor().contentType("application/merge-patch+json").body(Map.of("title", "Still a draft")).patch("/api/v1/articles/" + renamed)
                .then().statusCode(200);
        editor().contentType("application/merge-patch+json").body(Map.of("status", "PUBLISHED")).patch("/api/v1/articles/" + renamed)
                .then().statusCode(200);
        editor().delete("/api/v1/articles/" + renamed).then().statusCode(204);

        List<Receiver.Delivery> all = await().atMost(Duration.ofSeconds(15)).until(() -> receiver.about(renamed), hasSize(4));
        all.forEach(delivery -> verify(secret, delivery));
        assertEquals(List.of("article.updated", "article.unpublished", "article.published", "article.deleted"),
                all.stream().map(d -> d.json().getString("type")).sorted(byFeedOrder(all)).toList());
        Receiver.Delivery rename = all.stream().filter(d -> d.json().getString("type").equals("article.updated")).findFirst().orElseThrow();
        assertEquals(slug, rename.json().getString("data.oldSlug"));
        assertEquals(renamed, rename.json().getString("data.slug"));
        // a tampered body fails the verifier: the check above is not vacuous
        Receiver.Delivery tampered = new Receiver.Delivery(published.headers(), published.body().replace(slug, slug + "x"));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(tampered.body(), tampered.headers()));
    }

    private static java.util.Comparator<String> byFeedOrder(List<Receiver.Delivery> deliveries) {
        Map<String, Long> position = new HashMap<>();
        deliveries.forEach(d -> position.put(d.json().getString("type"), Long.parseLong(d.header("webhook-id").substring(4))));
        return java.util.Comparator.comparing(position::get);
    }

    @Test
    void aCorrectionNoteAndASectionMoveAreUpdatesTheFrontendMustRebuild() {
        Receiver receiver = receiver();
        subscribe(receiver, ARTICLE_EVENTS);
        String section = Api.section();
        String other = Api.section();
        String slug = Api.create(Api.article(section));
        arrived(receiver, slug, 1);
        editor().contentType(ContentType.JSON).body(Map.of("kind", "CORRECTION", "text", "An earlier version misnamed the mayor."))
                .post("/api/v1/articles/" + slug + "/corrections").then().statusCode(201);
        editor().contentType("application/merge-patch+json").body(Map.of("section", other)).patch("/api/v1/articles/" + slug)
                .then().statusCode(200);
        List<Receiver.Delivery> all = arrived(receiver, slug, 3);
        List<Receiver.Delivery> updates = all.stream().filter(d -> d.json().getString("type").equals("article.updated")).toList();
        assertEquals(2, updates.size());
        Receiver.Delivery moved = updates.stream().filter(d -> d.json().getString("data.oldSection") != null).findFirst().orElseThrow();
        assertEquals(section, moved.json().getString("data.oldSection"));
        assertEquals(other, moved.json().getString("data.section"));
        assertEquals("https://news.example/" + other + "/" + slug, moved.json().getString("data.url"));
    }

    @Test
    void aReceiverThatFailsGetsTheDeliveryAgainWithTheSameIdAndTheLogSaysWhat() {
        Receiver receiver = receiver().thenAnswer(500);
        JsonPath webhook = subscribe(receiver, ARTICLE_EVENTS);
        String slug = Api.create(Api.article(Api.section()));

        List<Receiver.Delivery> attempts = arrived(receiver, slug, 2);
        assertEquals(attempts.get(0).header("webhook-id"), attempts.get(1).header("webhook-id"));
        verify(webhook.getString("secret"), attempts.get(1));
        String id = webhook.getString("id");
        JsonPath log = await().atMost(Duration.ofSeconds(10)).until(
                () -> editor().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200).extract().jsonPath(),
                page -> "DELIVERED".equals(page.getString("items[0].status")));
        assertEquals(2, log.getInt("items[0].attempts"));
        assertEquals(204, log.getInt("items[0].lastStatusCode"));
        assertNull(log.get("items[0].lastError"));
        assertEquals("article.published", log.getString("items[0].event"));
        assertEquals(attempts.get(0).header("webhook-id"), log.getString("items[0].eventId"));

        // asked for again: the same id once more
        String delivery = log.getString("items[0].id");
        editor().post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        List<Receiver.Delivery> again = arrived(receiver, slug, 3);
        assertEquals(attempts.get(0).header("webhook-id"), again.get(2).header("webhook-id"));
        editor().post("/api/v1/webhooks/" + id + "/deliveries/" + java.util.UUID.randomUUID() + "/redeliver").then().statusCode(404);
    }

    @Test
    void aFailureIsRecordedWithTheStartOfTheAnswerAndRetriedLater() {
        Receiver receiver = receiver().alwaysAnswer(503);
        JsonPath webhook = subscribe(receiver, ARTICLE_EVENTS);
        String slug = Api.create(Api.article(Api.section()));
        arrived(receiver, slug, 2);
        JsonPath log = editor().get("/api/v1/webhooks/" + webhook.getString("id") + "/deliveries?status=PENDING")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(503, log.getInt("items[0].lastStatusCode"));
        assertEquals("HTTP 503: answered 503", log.getString("items[0].lastError"));
        assertTrue(Instant.parse(log.getString("items[0].nextAttemptAt")).isAfter(Instant.parse(log.getString("items[0].lastAttemptAt"))));
        editor().get("/api/v1/webhooks/" + webhook.getString("id") + "/deliveries?status=LOST").then().statusCode(400);
    }

    @Test
    void aTargetThatKeepsFailingIsDisabledAndSaysWhy() {
        Receiver receiver = receiver().alwaysAnswer(410);
        JsonPath webhook = subscribe(receiver, ARTICLE_EVENTS);
        String id = webhook.getString("id");
        Api.create(Api.article(Api.section()));
        // the test profile disables after 3 s of failures
        JsonPath disabled = await().atMost(Duration.ofSeconds(20)).until(
                () -> editor().get("/api/v1/webhooks/" + id).then().statusCode(200).extract().jsonPath(),
                hook -> !hook.getBoolean("enabled"));
        assertTrue(disabled.getString("disabledReason").contains("every delivery failed since"), disabled.getString("disabledReason"));
        assertTrue(disabled.getString("disabledReason").endsWith("HTTP 410: answered 410"), disabled.getString("disabledReason"));
        int attempts = receiver.received().size();
        String slug = Api.create(Api.article(Api.section()));

        receiver.alwaysAnswer(204);
        editor().contentType("application/merge-patch+json").body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("enabled", equalTo(true)).body("disabledReason", equalTo(null));
        // the pending delivery goes out; the event made while disabled was not queued (the feed has it)
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size(), not(equalTo(attempts)));
        assertEquals(List.of(), receiver.about(slug));
    }

    @Test
    void aRotatedSecretSignsAlongsideTheOldOneAndIsShownOnce() {
        Receiver receiver = receiver();
        JsonPath webhook = subscribe(receiver, ARTICLE_EVENTS);
        String id = webhook.getString("id");
        String old = webhook.getString("secret");
        JsonPath rotated = editor().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200).extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertNotEquals(old, fresh);
        assertTrue(Instant.parse(rotated.getString("previousSecretExpiresAt")).isAfter(Instant.now().plus(Duration.ofHours(23))));
        String slug = Api.create(Api.article(Api.section()));
        Receiver.Delivery delivery = arrived(receiver, slug, 1).get(0);
        verify(old, delivery);
        verify(fresh, delivery);
        assertEquals(2, delivery.header("webhook-signature").split(" ").length);
        // the webhook as admins read it never carries a secret
        String answers = editor().get("/api/v1/webhooks/" + id).asString() + editor().get("/api/v1/webhooks").asString();
        assertTrue(!answers.contains(old.substring(6, 20)) && !answers.contains(fresh.substring(6, 20)) && !answers.contains("secret\""));
    }

    @Test
    void sectionsAuthorsAndCollectionsAnnounceTheirChangesWithTheOldSlugOnARename() {
        Receiver receiver = receiver();
        subscribe(receiver, List.of("section.changed", "author.changed", "collection.changed"));
        String section = Api.section();
        editor().contentType("application/merge-patch+json").body(Map.of("slug", section + "-x")).patch("/api/v1/sections/" + section)
                .then().statusCode(200);
        List<Receiver.Delivery> changes = await().atMost(Duration.ofSeconds(15))
                .until(() -> receiver.about(section), hasSize(2));
        assertEquals(List.of("created", "updated"), changes.stream().map(d -> d.json().getString("data.change")).sorted().toList());
        Receiver.Delivery rename = changes.stream().filter(d -> "updated".equals(d.json().getString("data.change"))).findFirst().orElseThrow();
        assertEquals(section, rename.json().getString("data.oldSlug"));
        assertEquals("https://news.example/" + section + "-x", rename.json().getString("data.url"));

        String author = Api.unique("author");
        editor().contentType(ContentType.JSON).body(Map.of("name", "Ada Example")).put("/api/v1/authors/" + author).then().statusCode(201);
        String collection = Api.unique("picks");
        editor().contentType(ContentType.JSON).body(Map.of("name", "Picks", "articles", List.of())).put("/api/v1/collections/" + collection)
                .then().statusCode(201);
        editor().delete("/api/v1/collections/" + collection).then().statusCode(204);
        assertEquals("author.changed", arrived(receiver, author, 1).get(0).json().getString("type"));
        List<Receiver.Delivery> picks = arrived(receiver, collection, 2);
        assertEquals(List.of("collection.changed", "collection.changed"), picks.stream().map(d -> d.json().getString("type")).toList());
    }

    @Test
    void aScheduledArticleIsAnnouncedAtItsTimeWithoutAWrite() {
        Receiver receiver = receiver();
        subscribe(receiver, ARTICLE_EVENTS);
        Map<String, Object> article = new HashMap<>(Api.article(Api.section()));
        Instant goesLive = Instant.now().plusSeconds(3);
        article.put("publishedAt", goesLive.toString());
        String slug = Api.create(article);
        Receiver.Delivery published = arrived(receiver, slug, 1).get(0);
        Instant arrived = Instant.now();
        assertEquals("article.published", published.json().getString("type"));
        assertTrue(!arrived.isBefore(goesLive), "announced before its time: " + arrived + " < " + goesLive);
        // once: later runs of the announcer do not repeat it
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertEquals(1, receiver.about(slug).size());
    }

    @Test
    void badTargetsAndEventTypesAreRefusedAndOnlyAdminsManageWebhooks() {
        editor().contentType(ContentType.JSON).body(Map.of("url", "ftp://hooks.news.example/x", "events", ARTICLE_EVENTS))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        editor().contentType(ContentType.JSON).body(Map.of("url", "https://user:pw@hooks.news.example/x", "events", ARTICLE_EVENTS))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        editor().contentType(ContentType.JSON).body(Map.of("url", "https://hooks.news.example/x", "events", List.of("article.eaten")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("events[0]"));
        editor().contentType(ContentType.JSON).body(Map.of("url", "https://hooks.news.example/x", "events", List.of()))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("events"));
        String editorToken = editor().contentType(ContentType.JSON).body(Map.of("name", Api.unique("desk"), "role", "editor"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + editorToken).get("/api/v1/webhooks").then().statusCode(403);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + editorToken).get("/api/v1/events").then().statusCode(200);
        io.restassured.RestAssured.given().get("/api/v1/events").then().statusCode(401);
        editor().get("/api/v1/webhooks/not-an-id").then().statusCode(404);
    }
}

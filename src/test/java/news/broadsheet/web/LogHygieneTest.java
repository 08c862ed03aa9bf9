package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import news.broadsheet.webhook.Receiver;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.editor;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens (the API's and preview links') and subscribers' addresses go through the service, and into its log never (the test profile logs to a file). */
@QuarkusTest
class LogHygieneTest {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void tokensAndEmailAddressesNeverReachTheLog() throws Exception {
        String token = editor().contentType(ContentType.JSON).body(Map.of("name", Api.unique("script"), "role", "editor"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/api/v1/articles?status=DRAFT").then().statusCode(200);
        String wrongToken = "bst_" + UUID.randomUUID().toString().replace("-", "") + "wrongwrongwrong";
        given().header("Authorization", "Bearer " + wrongToken).get("/api/v1/articles?status=DRAFT").then().statusCode(401);
        given().header("Authorization", wrongToken).contentType(ContentType.JSON).body("{}").post("/api/v1/sections").then().statusCode(401);

        String story = Api.create(Api.article(Api.section()));
        String preview = editor().contentType(ContentType.JSON).body("{}").post("/api/v1/articles/" + story + "/preview-links")
                .then().statusCode(201).extract().path("token");
        given().queryParam("preview", preview).get("/api/v1/articles/" + story).then().statusCode(200);
        given().queryParam("preview", preview + "x").get("/api/v1/articles/" + story).then().statusCode(404);

        String email = "hygiene." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String client = "10.99." + (int) (Math.random() * 250) + ".7";
        for (int i = 0; i < 7; i++) { // past the rate limit too
            given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "consent", true)).post("/api/v1/subscriptions");
        }
        given().contentType(ContentType.JSON).body("{\"email\": \"" + email + "\", \"consent\": \"yes\"")
                .post("/api/v1/subscriptions").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "consent", false))
                .post("/api/v1/subscriptions").then().statusCode(400);
        editor().accept("text/csv").get("/api/v1/subscriptions").then().statusCode(200);
        given().queryParam("token", token).get("/api/v1/subscriptions/preferences").then().statusCode(404);

        // the outbox has tried the confirmation, and logged whatever it logs about it, once it recorded the outcome
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxTried(email));
        assertTrue(Files.exists(LOG), "the test profile writes " + LOG);
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertFalse(log.contains(token), "the log holds an API token");
        assertFalse(log.contains(token.substring(4, 20)), "the log holds part of an API token");
        assertFalse(log.contains(wrongToken), "the log holds a presented token");
        assertFalse(log.contains(preview.substring(0, 20)), "the log holds a preview link's token");
        assertFalse(log.contains(email), "the log holds a subscriber's address");
        assertFalse(log.toLowerCase().contains(email.substring(0, email.indexOf('@')) + "@"), "the log holds an address");
        assertFalse(log.contains("Bearer bst_"), "the log holds an Authorization header");
    }

    @Test
    void webhookSecretsNeverReachTheLog() throws Exception {
        try (Receiver receiver = Receiver.start().thenAnswer(500)) {
            var webhook = editor().contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "events", List.of("article.published")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
            String id = webhook.getString("id");
            String rotated = editor().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200).extract().path("secret");
            String story = Api.create(Api.article(Api.section()));
            // a failed attempt and its retry, each logged as the sender logs them
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.about(story).size() >= 2);
            editor().delete("/api/v1/webhooks/" + id).then().statusCode(204);
            String log = Files.readString(LOG, StandardCharsets.UTF_8);
            for (String secret : List.of(webhook.getString("secret"), rotated)) {
                assertFalse(log.contains(secret.substring(6, 26)), "the log holds part of a webhook secret");
            }
            assertFalse(log.contains("webhook-signature: v1,"), "the log holds a signature");
        }
    }

    @Inject
    DataSource dataSource;

    private boolean outboxTried(String email) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from outbox_mail where recipient = ? and (sent_at is not null or last_error is not null)")) {
            query.setString(1, email);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1) > 0;
            }
        }
    }
}

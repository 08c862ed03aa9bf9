package news.broadsheet.subscription;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.editor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole newsletter flow over real SMTP: sign up, mail, confirm, preferences, one-click unsubscribe, export, erase. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class SubscriptionFlowTest {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    /** Requests from a client address of their own, so the per-address rate limit never meets another test. */
    private static RequestSpecification from(String clientAddress) {
        return given().header("X-Forwarded-For", clientAddress).contentType(ContentType.JSON);
    }

    private static String someAddress() {
        java.util.Random random = new java.util.Random();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static String email() {
        return "reader." + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
    }

    private static void signUp(String email, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "consent", true));
        body.putAll(extra);
        from(clientIp()).body(body).post("/api/v1/subscriptions").then().statusCode(202)
                .body("message", containsString("Check your inbox"));
    }

    private static String clientIp() {
        return someAddress();
    }

    private static String tokenFrom(MimeMessage mail) throws Exception {
        Matcher matcher = TOKEN.matcher(text(mail));
        assertTrue(matcher.find(), "the mail carries a token link");
        return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String text(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        Object content = mail.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return part.getContent().toString();
                }
                if (part.getContent() instanceof Multipart nested) {
                    for (int j = 0; j < nested.getCount(); j++) {
                        if (nested.getBodyPart(j).isMimeType(type)) {
                            return nested.getBodyPart(j).getContent().toString();
                        }
                    }
                }
            }
        }
        return mail.isMimeType(type) ? content.toString() : "";
    }

    @Test
    void wholeFlowFromSignUpToErasure() throws Exception {
        String section = Api.section();
        String email = email();
        String stored = email.substring(0, email.indexOf('@')) + "@example.com";
        signUp(email, Map.of("name", "Anna Kowalska", "sections", List.of(section), "newsletters", List.of("daily", "breaking")));

        MimeMessage confirmation = SmtpServer.awaitMails(stored, 1, MAIL_WAIT).get(0);
        assertTrue(confirmation.getSubject().contains("Confirm"));
        assertFalse(text(confirmation).contains("Anna Kowalska"), "a confirmation names nobody: anybody may have typed the name");
        assertTrue(part(confirmation, "text/html").contains("<a href="), "an HTML part with the link");
        String listUnsubscribe = confirmation.getHeader("List-Unsubscribe", null);
        assertTrue(listUnsubscribe.matches("<https?://.+/api/v1/subscriptions/unsubscribe\\?token=.+>"), listUnsubscribe);
        assertEquals("List-Unsubscribe=One-Click", confirmation.getHeader("List-Unsubscribe-Post", null));
        String token = tokenFrom(confirmation);

        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/subscriptions/confirm")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("email", equalTo(stored))
                .header("Cache-Control", "private, no-store");
        given().queryParam("token", token).get("/api/v1/subscriptions/preferences")
                .then().statusCode(200).body("sections", equalTo(List.of(section))).body("newsletters", equalTo(List.of("daily", "breaking")))
                .header("Cache-Control", "private, no-store");
        given().queryParam("token", token).contentType(ContentType.JSON).body(Map.of("sections", List.of(), "newsletters", List.of("weekly")))
                .put("/api/v1/subscriptions/preferences")
                .then().statusCode(200).body("newsletters", equalTo(List.of("weekly"))).body("name", equalTo("Anna Kowalska"));

        String id = editor().queryParam("status", "ACTIVE").queryParam("limit", 100).get("/api/v1/subscriptions")
                .then().statusCode(200).header("Cache-Control", "private, no-store")
                .extract().jsonPath().getString("items.find { it.email == '" + stored + "' }.id");
        editor().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("consentAddress", notNullValue()).body("consentAt", notNullValue()).body("confirmedAt", notNullValue());

        // RFC 8058 one-click, as a mail client sends it, to the URL of the List-Unsubscribe header
        String oneClick = listUnsubscribe.substring(1, listUnsubscribe.length() - 1).replaceFirst("^https?://[^/]+", "");
        given().urlEncodingEnabled(false).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(oneClick)
                .then().statusCode(200).body("status", equalTo("UNSUBSCRIBED"));
        given().queryParam("token", token).post("/api/v1/subscriptions/unsubscribe").then().statusCode(200).body("status", equalTo("UNSUBSCRIBED"));

        String csv = editor().accept("text/csv").get("/api/v1/subscriptions").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("id,email,name,sections,newsletters,status"), csv.substring(0, Math.min(80, csv.length())));
        assertTrue(csv.contains(stored + ",Anna Kowalska,,weekly,UNSUBSCRIBED"), "the subscriber's row");

        editor().delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        editor().get("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().queryParam("token", token).get("/api/v1/subscriptions/preferences").then().statusCode(404);
        assertEquals(0, count("select count(*) from outbox_mail where recipient = ?", stored), "the person's mails are erased too");
        assertEquals(0, count("select count(*) from subscription where lower(email) = lower(?)", stored));
    }

    /** Issue 19, finding 11: a second sign-up of a pending address changes nothing until that very mail is confirmed. */
    @Test
    void aStrangerCannotRewriteAPendingSignUp() throws Exception {
        String ownerSection = Api.section();
        String strangerSection = Api.section();
        String email = email();
        String stored = email.substring(0, email.indexOf('@')) + "@example.com";
        String owner = someAddress();
        from(owner).body(Map.of("email", email, "consent", true, "name", "Anna Kowalska", "sections", List.of(ownerSection),
                "newsletters", List.of("daily"))).post("/api/v1/subscriptions").then().statusCode(202);
        String ownersToken = tokenFrom(SmtpServer.awaitMails(stored, 1, MAIL_WAIT).get(0));

        from(clientIp()).body(Map.of("email", email, "consent", true, "name", "Free prizes, reply now", "sections", List.of(strangerSection),
                "newsletters", List.of("offers"))).post("/api/v1/subscriptions").then().statusCode(202);
        MimeMessage strangersMail = SmtpServer.awaitMails(stored, 2, MAIL_WAIT).get(1);
        assertFalse(text(strangersMail).contains("prizes"), "the stranger's words are not mailed to the owner");
        given().queryParam("token", ownersToken).get("/api/v1/subscriptions/preferences").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("name", equalTo("Anna Kowalska")).body("newsletters", equalTo(List.of("daily")));

        given().contentType(ContentType.JSON).body(Map.of("token", ownersToken)).post("/api/v1/subscriptions/confirm").then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("name", equalTo("Anna Kowalska"))
                .body("sections", equalTo(List.of(ownerSection))).body("newsletters", equalTo(List.of("daily")));
        // the stranger's link, confirmed later, does not replace what the owner confirmed
        given().contentType(ContentType.JSON).body(Map.of("token", tokenFrom(strangersMail))).post("/api/v1/subscriptions/confirm")
                .then().statusCode(200).body("newsletters", equalTo(List.of("daily")));
        String id = editor().queryParam("status", "ACTIVE").queryParam("limit", 100).get("/api/v1/subscriptions")
                .then().statusCode(200).extract().jsonPath().getString("items.find { it.email == '" + stored + "' }.id");
        editor().get("/api/v1/subscriptions/" + id).then().statusCode(200).body("consentAddress", equalTo(owner));
    }

    /** Issue 19, finding 11: names end up in mails, so they carry no links. */
    @Test
    void namesWithLinksAreRefused() {
        for (String name : List.of("Win at prizes.example", "WIN AT PRIZES.COM", "http://x", "www.prizes.example", "mail me@prizes.example")) {
            from(clientIp()).body(Map.of("email", email(), "consent", true, "name", name)).post("/api/v1/subscriptions")
                    .then().statusCode(400).body("errors[0].field", equalTo("name"));
        }
        from(clientIp()).body(Map.of("email", email(), "consent", true, "name", "J.R.R. Tolkien")).post("/api/v1/subscriptions")
                .then().statusCode(202);
    }

    @Test
    void theAnswerIsTheSameWhetherTheAddressIsKnownOrNot() throws Exception {
        String email = email();
        String stored = email.substring(0, email.indexOf('@')) + "@example.com";
        String first = from(clientIp()).body(Map.of("email", email, "consent", true, "newsletters", List.of("daily")))
                .post("/api/v1/subscriptions").then().statusCode(202).extract().asString();
        String token = tokenFrom(SmtpServer.awaitMails(stored, 1, MAIL_WAIT).get(0));
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/subscriptions/confirm").then().statusCode(200);

        String again = from(clientIp()).body(Map.of("email", stored.toUpperCase(), "consent", true, "newsletters", List.of("offers")))
                .post("/api/v1/subscriptions").then().statusCode(202).extract().asString();
        assertEquals(first, again);
        MimeMessage reminder = SmtpServer.awaitMails(stored, 2, MAIL_WAIT).get(1);
        assertTrue(reminder.getSubject().contains("already subscribed"));
        assertTrue(text(reminder).contains("preferences"));
        given().queryParam("token", token).get("/api/v1/subscriptions/preferences")
                .then().body("newsletters", equalTo(List.of("daily"))).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aConfirmationLinkExpiresAfter48Hours() throws Exception {
        String email = email();
        String stored = email.substring(0, email.indexOf('@')) + "@example.com";
        signUp(email, Map.of());
        String token = tokenFrom(SmtpServer.awaitMails(stored, 1, MAIL_WAIT).get(0));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement age = connection.prepareStatement("update subscription_token set issued_at = now() - interval '49 hours' "
                     + "where subscription_id = (select id from subscription where lower(email) = lower(?))")) {
            age.setString(1, stored);
            age.executeUpdate();
        }
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/subscriptions/confirm")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("token", token).get("/api/v1/subscriptions/preferences").then().statusCode(200).body("status", equalTo("PENDING"));
    }

    @Test
    void unknownTokensAre404() {
        given().contentType(ContentType.JSON).body(Map.of("token", "not-a-real-token-at-all")).post("/api/v1/subscriptions/confirm")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("token", "nope").get("/api/v1/subscriptions/preferences").then().statusCode(404);
        given().queryParam("token", "nope").contentType(ContentType.JSON).body(Map.of("newsletters", List.of()))
                .put("/api/v1/subscriptions/preferences").then().statusCode(404);
        given().queryParam("token", "nope").post("/api/v1/subscriptions/unsubscribe").then().statusCode(404);
        given().post("/api/v1/subscriptions/unsubscribe").then().statusCode(400).body("errors[0].field", equalTo("token"));
    }

    @Test
    void badSignUpsAre400AndSendNothing() {
        String ip = someAddress();
        from(ip).body(Map.of("email", email(), "consent", false)).post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("consent"));
        from(ip).body(Map.of("email", email())).post("/api/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("consent"));
        from(ip).body(Map.of("email", "not-an-address", "consent", true)).post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors.field", hasItem("email"));
        from(ip).body(Map.of("email", "a".repeat(250) + "@example.com", "consent", true)).post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors.field", hasItem("email"));
        String unknown = email();
        from(ip).body(Map.of("email", unknown, "consent", true, "sections", List.of("no-such-section"))).post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("sections[0]"));
        from(ip).body(Map.of("email", unknown, "consent", true, "newsletters", List.of("hourly"))).post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("newsletters[0]"));
        from(ip).body(Map.of("email", unknown, "consent", true, "colour", "red")).post("/api/v1/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));
        assertEquals(0, count("select count(*) from subscription where lower(email) = lower(?)", unknown));
    }

    @Test
    void signUpsAreRateLimitedPerClientAddress() {
        String ip = someAddress();
        for (int i = 0; i < 5; i++) {
            from(ip).body(Map.of("email", email(), "consent", true)).post("/api/v1/subscriptions").then().statusCode(202);
        }
        from(ip).body(Map.of("email", email(), "consent", true)).post("/api/v1/subscriptions")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:broadsheet:problem:rate-limited"));
        from(someAddress()).body(Map.of("email", email(), "consent", true)).post("/api/v1/subscriptions").then().statusCode(202);
    }

    @Test
    void noSignUpIsLostWhileTheMailServerIsDown() throws Exception {
        String email = email();
        String stored = email.substring(0, email.indexOf('@')) + "@example.com";
        SmtpServer.stopSmtp();
        try {
            signUp(email, Map.of());
            // the mail waits in the outbox after a failed attempt
            await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox_mail where recipient = ? "
                    + "and sent_at is null and attempts > 0 and last_error is not null", stored) > 0);
        } finally {
            SmtpServer.startSmtp();
        }
        MimeMessage mail = SmtpServer.awaitMails(stored, 1, Duration.ofSeconds(30)).get(0);
        assertTrue(mail.getSubject().contains("Confirm"));
    }

    @Test
    void parallelSignUpsOfOneAddressMakeOneSubscriber() throws Exception {
        String email = email();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> from(someAddress()).body(Map.of("email", email, "consent", true))
                        .post("/api/v1/subscriptions").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(202, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from subscription where lower(email) = lower(?)", email));
    }

    @Test
    void subscriberAdministrationNeedsTheAdminRole() {
        String editorToken = editor().contentType(ContentType.JSON).body(Map.of("name", Api.unique("ed"), "role", "editor"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + editorToken).get("/api/v1/subscriptions").then().statusCode(403);
        given().get("/api/v1/subscriptions").then().statusCode(401);
        given().delete("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(401);
        editor().get("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(404);
        editor().queryParam("status", "GONE").get("/api/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    /** Five subscribers in pages of two: 2, 2, 1, each page linked to the next, every subscriber once, the last page ends. */
    @Test
    void adminListPagesWithCursors() {
        String section = Api.section();
        for (int i = 0; i < 5; i++) {
            signUp(email(), Map.of("sections", List.of(section)));
        }
        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = editor().queryParam("section", section).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/subscriptions").then().statusCode(200).extract();
            List<String> ids = page.jsonPath().getList("items.id");
            sizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.path("next");
            assertEquals(cursor != null, page.header("Link") != null && page.header("Link").contains("rel=\"next\""),
                    "a Link to the next page exactly when there is one");
        } while (cursor != null && sizes.size() < 10);
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(5, seen.stream().distinct().count(), "no subscriber twice: " + seen);
        assertEquals(5L, count("select count(*) from subscription s where ? = any(s.sections)", section), "and none left out");
    }

    private long count(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

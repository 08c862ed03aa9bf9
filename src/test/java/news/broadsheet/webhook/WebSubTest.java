package news.broadsheet.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.broadsheet.Api;
import news.broadsheet.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.editor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a WebSub hub configured: feeds name it, and a publication tells it which feeds changed, through the outbox. */
@QuarkusTest
@TestProfile(WebSubTest.WithHub.class)
class WebSubTest {

    /** Chosen once per JVM: Quarkus loads the profile and the test in class loaders of their own. */
    private static final int HUB_PORT = Integer.parseInt(System.getProperties().computeIfAbsent("websub-test.hub-port",
            key -> Integer.toString(freePort())).toString());
    private static final String HUB_URL = "http://127.0.0.1:" + HUB_PORT + "/hub";
    private static Receiver hub;
    private static final String TOPICS = "https://api.news.example/api/v1/feeds/";

    public static class WithHub implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("broadsheet.websub.hub", HUB_URL, "broadsheet.websub.api-url", "https://api.news.example/");
        }
    }

    private static int freePort() {
        try {
            return TestServers.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startHub() {
        hub = Receiver.start(HUB_PORT);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void everyFeedNamesTheHubAndItsCanonicalAddressAlsoFromTheCache() {
        for (int read = 0; read < 2; read++) { // the second answer comes from the response cache
            given().get("/api/v1/feeds/rss.xml").then().statusCode(200)
                    .header("Link", "<" + HUB_URL + ">; rel=\"hub\", <" + TOPICS + "rss.xml>; rel=\"self\"")
                    .body(containsString("<atom:link rel=\"hub\" href=\"" + HUB_URL + "\""))
                    .body(containsString("<atom:link rel=\"self\" href=\"" + TOPICS + "rss.xml\""));
            given().queryParam("section", "europe").get("/api/v1/feeds/atom.xml").then().statusCode(200)
                    .header("Link", containsString("<" + TOPICS + "atom.xml?section=europe>; rel=\"self\""))
                    .body(containsString("<link rel=\"hub\" href=\"" + HUB_URL + "\""));
            given().get("/api/v1/feeds/feed.json").then().statusCode(200)
                    .header("Link", containsString("rel=\"hub\""))
                    .body("hubs[0].type", equalTo("WebSub")).body("hubs[0].url", equalTo(HUB_URL))
                    .body("feed_url", equalTo(TOPICS + "feed.json"));
        }
    }

    @Test
    void aPublicationTellsTheHubWhichFeedsChangedAndAdminsDoNotSeeItAsAWebhook() {
        String parent = Api.section();
        String child = Api.section(parent);
        Api.create(Api.article(child));
        Receiver.Delivery notification = await().atMost(Duration.ofSeconds(15)).until(
                () -> hub.received().stream().filter(d -> d.body().contains("section%3D" + child)).findFirst(), java.util.Optional::isPresent).get();
        assertEquals("application/x-www-form-urlencoded", notification.header("content-type"));
        List<String> fields = Arrays.stream(notification.body().split("&")).map(f -> URLDecoder.decode(f, StandardCharsets.UTF_8)).toList();
        assertTrue(fields.contains("hub.mode=publish"), fields.toString());
        for (String feed : List.of("rss.xml", "atom.xml", "feed.json")) {
            assertTrue(fields.contains("hub.url=" + TOPICS + feed), fields.toString());
            assertTrue(fields.contains("hub.url=" + TOPICS + feed + "?section=" + child), fields.toString());
            assertTrue(fields.contains("hub.url=" + TOPICS + feed + "?section=" + parent), fields.toString());
        }
        assertEquals(null, notification.header("webhook-signature"));
        editor().get("/api/v1/webhooks").then().statusCode(200).body("items.url", not(org.hamcrest.Matchers.hasItem(HUB_URL)));
    }
}

package news.broadsheet.demo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import news.broadsheet.Api;
import news.broadsheet.media.TestImages;
import news.broadsheet.subscription.SmtpServer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo site (demo/) in a real headless Chromium, served from another origin than the API, as a real frontend is:
 * every page is rendered, then reloaded, so the API's cached answers (200 and 304) must carry the CORS grant too.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
@ExtendWith(DemoSiteTest.ScreenshotOnFailure.class)
class DemoSiteTest {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");
    private static final int VIEWS = 3;
    private static OtherOrigin site;
    private static Browser browser;

    @BeforeAll
    static void startBrowserOnAnotherOrigin() throws Exception {
        String api = apiOrigin();
        site = new OtherOrigin(api);
        browser = Browser.start(List.of(api, site.origin()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
    }

    /** The API as the browser reaches it (RestAssured's port is set only once a test runs). */
    private static String apiOrigin() {
        return "http://localhost:" + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
    }

    private static String image(String name) {
        return apiOrigin() + "/demo/images/" + name;
    }

    @Test
    void aMediaLibraryPictureIsShownFromItsRenditions() {
        byte[] photo = TestImages.jpeg(TestImages.halves(1600, 1000));
        JsonPath media = Api.editor().multiPart("file", "ferry.jpg", photo, "image/jpeg").multiPart("alt", "A ferry at dawn")
                .post("/api/v1/media").then().statusCode(201).extract().jsonPath();
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        article.put("heroImage", Map.of("media", media.getString("id"), "caption", "Dawn at the quay"));
        article.put("featured", true);
        String slug = Api.create(article);
        List<String> widths = media.getList("renditions.findAll { it.name.startsWith('w') && it.mimeType == 'image/webp' }.url");
        for (int view = 1; view <= VIEWS; view++) {
            if (view == 1) {
                browser.open(site.url("article.html?slug=" + slug));
            } else {
                browser.reload();
            }
            WebElement hero = browser.find(".hero img");
            assertEquals("A ferry at dawn", hero.getAttribute("alt"));
            String chosen = browser.await(driver -> {
                Object source = browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0 ? arguments[0].currentSrc : null", hero);
                return source == null || ((String) source).isEmpty() ? null : (String) source;
            });
            assertTrue(widths.contains(chosen), "the browser took a WebP width from srcset: " + chosen);
            assertEquals("1600", hero.getDomAttribute("width"));
        }
        browser.screenshot("article-media");
    }

    @Test
    void theArticlePageShowsTheWholeStoryOnEveryView() {
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        article.put("title", "Ferries return to the islands");
        article.put("subtitle", "The strike is over");
        article.put("summary", "Crews accepted the offer on Sunday.");
        article.put("body", "The first ferry left at **six**.\n\n> We missed the sea, said a deckhand.\n");
        article.put("authors", List.of("Hanna Łukasik", "Mei Tanaka"));
        article.put("dateline", "Split");
        article.put("tags", List.of("ferries", "strikes"));
        article.put("featured", true);
        article.put("heroImage", Map.of("url", image("harbour.svg"), "alt", "A ferry at the quay", "caption", "The first ferry of the day",
                "credit", "Mei Tanaka"));
        String slug = Api.create(article);
        for (int view = 1; view <= VIEWS; view++) {
            if (view == 1) {
                browser.open(site.url("article.html?slug=" + slug));
            } else {
                browser.reload();
            }
            assertEquals("Ferries return to the islands", browser.find(".headline").getText());
            assertEquals("The strike is over", browser.find(".standfirst").getText());
            assertEquals("By Hanna Łukasik and Mei Tanaka", browser.find(".byline .authors").getText());
            assertEquals("Split —", browser.find(".byline .dateline").getText());
            assertTrue(browser.find(".byline time").getText().endsWith("UTC"));
            assertEquals("Section " + section, browser.find(".story .kicker a").getAttribute("textContent"));
            WebElement hero = browser.find(".hero img");
            assertEquals("A ferry at the quay", hero.getAttribute("alt"));
            assertTrue(((Number) browser.script("return arguments[0].naturalWidth", hero)).intValue() > 0, "the hero image loaded");
            assertEquals("The first ferry of the day Photo: Mei Tanaka", browser.find(".hero figcaption").getText());
            assertEquals("six", browser.find(".story .body strong").getText());
            assertEquals("We missed the sea, said a deckhand.", browser.find(".story .body blockquote").getText());
            assertEquals(List.of("ferries", "strikes"), texts(".story .tags li"));
            assertFalse(browser.findAll("#latest li a").isEmpty(), "Latest posts");
            assertFalse(texts("#latest li a").contains("Ferries return to the islands"), "the page's own story is not in Latest posts");
            assertFalse(browser.findAll("#dont-miss .card").isEmpty(), "Don't miss");
            assertFalse(browser.findAll("#newsletter form").isEmpty(), "Stay in touch");
            String structured = browser.await(driver -> (String) browser.script(
                    "const s = document.querySelector('script[type=\"application/ld+json\"]'); return s ? s.textContent : null;"));
            assertTrue(structured.contains("\"@type\":\"NewsArticle\"") && structured.contains("\"headline\":\"Ferries return to the islands\""),
                    structured);
            String oembed = (String) browser.script("return document.querySelector('link[type=\"application/json+oembed\"]').href");
            anonymous().urlEncodingEnabled(false).get(oembed).then().statusCode(200).body("type", equalTo("rich")).body("title", equalTo("Ferries return to the islands"));
        }
        browser.screenshot("article");
    }

    @Test
    void theHomePageListsTopStoriesAndEditorsPicks() {
        Map<String, Object> pick = Api.article(Api.section());
        pick.put("title", "An editors' pick for the home page");
        pick.put("publishedAt", Instant.now().minusSeconds(5).toString());
        String slug = Api.create(pick);
        // the editors put it first in their "Don't miss" collection, which the box shows in their order
        var dontMiss = Api.editor().get("/api/v1/collections/dont-miss").then().statusCode(200).extract();
        List<String> picks = new ArrayList<>(List.of(slug));
        picks.addAll(dontMiss.<List<String>>path("articles.slug"));
        Api.editor().contentType("application/json").header("If-Match", dontMiss.header("ETag"))
                .body(Map.of("name", "Don't miss", "articles", picks.subList(0, Math.min(picks.size(), 100))))
                .put("/api/v1/collections/dont-miss").then().statusCode(200);
        browser.open(site.url("index.html"));
        for (int view = 1; view <= VIEWS; view++) {
            assertTrue(browser.findAll("#top-stories .card").size() >= 2, "top stories");
            assertTrue(texts("#dont-miss .card h3").contains("An editors' pick for the home page"), "Don't miss");
            assertFalse(browser.findAll("#masthead nav li").isEmpty(), "the sections in the masthead");
            browser.reload();
        }
        browser.screenshot("home");
    }

    @Test
    void moreWalksASectionWithoutRepeatsOrGaps() {
        String section = Api.section();
        List<String> newestFirst = new ArrayList<>();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(1));
        for (int i = 0; i < 23; i++) {
            Map<String, Object> article = Api.article(section);
            article.put("title", "Story number " + (i + 1));
            article.put("publishedAt", base.minus(Duration.ofMinutes(i)).toString());
            newestFirst.add("Story number " + (i + 1));
            Api.create(article);
        }
        for (int view = 1; view <= 2; view++) {
            browser.open(site.url("section.html?slug=" + section));
            assertEquals("Section " + section, browser.find("#section-name").getText());
            int clicks = 0;
            while (browser.find("#more").isDisplayed()) {
                int shown = browser.findAll("#articles .card").size();
                browser.find("#more").click();
                browser.await(d -> browser.findAll("#articles .card").size() > shown ? true : null);
                clicks++;
                assertTrue(clicks < 10, "More never ends");
            }
            List<String> titles = texts("#articles .card h3");
            assertEquals(newestFirst, titles, "every article once, newest first");
            assertEquals(titles.size(), new HashSet<>(titles).size());
            browser.requireCleanConsole();
        }
        browser.screenshot("section");
    }

    @Test
    void searchShowsWhereEachResultMatches() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").chars().limit(8) // letters only: digits become g-p
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + c - '0' : c))).collect(Collectors.joining());
        String section = Api.section();
        for (String title : List.of("The " + word + " report", "Council news")) {
            Map<String, Object> article = Api.article(section);
            article.put("title", title);
            article.put("body", "The council talked about the " + word + " at length on Monday evening.\n");
            Api.create(article);
        }
        for (int view = 1; view <= VIEWS; view++) {
            if (view == 1) {
                browser.open(site.url("search.html?q=" + word));
            } else {
                browser.reload();
            }
            List<WebElement> results = browser.findAll("#results li");
            assertEquals(2, results.size());
            for (WebElement result : results) {
                assertEquals(word, result.findElement(org.openqa.selenium.By.cssSelector(".highlight mark")).getText());
            }
        }
        browser.screenshot("search");
    }

    @Test
    void aReaderSignsUpConfirmsChangesPreferencesAndUnsubscribes() throws Exception {
        String email = "reader." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.open(site.url("index.html"));
        browser.find("#newsletter input[name=email]").sendKeys(email);
        browser.find("#newsletter input[name=name]").sendKeys("Anna Reader");
        browser.find("#newsletter button[type=submit]").click();
        assertEquals("refused", browser.await(d -> attribute("#newsletter .status", "data-outcome")), "no consent, no sign-up");
        assertTrue(browser.find("#newsletter .status").getText().contains("consent"));
        browser.forgetConsole(); // the 400 the sign-up without consent was answered with
        browser.find("#newsletter input[name=consent]").click();
        browser.find("#newsletter button[type=submit]").click();
        browser.await(d -> "sent".equals(attribute("#newsletter .status", "data-outcome")) ? true : null);
        browser.screenshot("newsletter-signed-up");

        List<MimeMessage> mails = SmtpServer.awaitMails(email, 1, Duration.ofSeconds(20));
        Matcher token = TOKEN.matcher(mails.get(0).getContent() instanceof jakarta.mail.Multipart parts
                ? parts.getBodyPart(0).getContent().toString() : mails.get(0).getContent().toString());
        assertTrue(token.find(), "the confirmation mail carries a token");
        String secret = token.group(1);

        browser.open(site.url("confirm.html?token=" + secret));
        assertEquals("confirmed", browser.await(d -> attribute("#outcome", "data-outcome")));
        assertEquals("You are subscribed", browser.find("#outcome h1").getText());
        browser.screenshot("newsletter-confirmed");
        browser.find("#outcome a").click();
        browser.awaitReady();
        assertEquals("For " + email, browser.find("#preferences form p").getText());
        browser.find("#preferences input[value=weekly]").click();
        browser.find("#preferences input[value=europe]").click();
        browser.find("#preferences button[type=submit]").click();
        browser.await(d -> "saved".equals(attribute("#preferences .status", "data-outcome")) ? true : null);
        browser.screenshot("newsletter-preferences");
        anonymous().queryParam("token", secret).get("/api/v1/subscriptions/preferences").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("newsletters", hasItem("weekly")).body("sections", hasItem("europe"));

        browser.reload();
        browser.find("#unsubscribe").click();
        browser.await(d -> browser.findAll("[data-outcome=unsubscribed]").isEmpty() ? null : true);
        browser.requireCleanConsole();
        browser.screenshot("newsletter-unsubscribed");
        anonymous().queryParam("token", secret).get("/api/v1/subscriptions/preferences").then().statusCode(200)
                .body("status", equalTo("UNSUBSCRIBED"));
    }

    @Test
    void aPreviewLinkShowsADraftWithItsBannerAndACorrectionIsShownToReaders() {
        Map<String, Object> draft = Api.article(Api.section());
        draft.put("title", "Budget talks go into the night");
        draft.put("status", "DRAFT");
        draft.remove("publishedAt");
        String slug = Api.create(draft);
        String token = editor().contentType(ContentType.JSON).body("{}").post("/api/v1/articles/" + slug + "/preview-links")
                .then().statusCode(201).extract().path("token");
        for (int view = 1; view <= VIEWS; view++) {
            if (view == 1) {
                browser.open(site.url("article.html?slug=" + slug + "&preview=" + token));
            } else {
                browser.reload();
            }
            assertEquals("Budget talks go into the night", browser.find(".headline").getText());
            assertTrue(browser.find(".preview-banner").getText().startsWith("Preview of an unpublished article"));
            assertEquals("noindex", attribute("meta[name=robots]", "content"));
            assertTrue(browser.findAll("script[type=\"application/ld+json\"]").isEmpty(), "no structured data for a preview");
        }
        browser.screenshot("preview");

        editor().contentType("application/merge-patch+json").body(Map.of("status", "PUBLISHED")).patch("/api/v1/articles/" + slug)
                .then().statusCode(200);
        editor().contentType(ContentType.JSON).body(Map.of("kind", "CORRECTION", "text", "An earlier version named the wrong minister."))
                .post("/api/v1/articles/" + slug + "/corrections").then().statusCode(201);
        for (int view = 1; view <= VIEWS; view++) {
            if (view == 1) {
                browser.open(site.url("article.html?slug=" + slug));
            } else {
                browser.reload();
            }
            assertEquals(List.of("Correction: An earlier version named the wrong minister."),
                    texts(".corrections li").stream().map(text -> text.substring(0, text.lastIndexOf('.') + 1)).toList());
            assertTrue(browser.find(".byline .updated").getText().startsWith("· Updated"));
            assertTrue(browser.findAll(".preview-banner").isEmpty());
        }
        browser.screenshot("corrected");
    }

    @Test
    void aMissingStorySaysSoWithoutAnError() {
        browser.driver().get(site.url("article.html?slug=no-such-story"));
        assertEquals("error", browser.await(d -> {
            String state = browser.find("body").getAttribute("data-state");
            return "loading".equals(state) ? null : state;
        }));
        assertEquals("Not found", browser.find("#main h1").getText());
        browser.forgetConsole(); // the 404
        browser.screenshot("not-found");
    }

    private static String attribute(String css, String name) {
        List<WebElement> found = browser.findAll(css);
        return found.isEmpty() ? null : found.get(0).getAttribute(name);
    }

    private static List<String> texts(String css) {
        return browser.findAll(css).stream().map(WebElement::getText).toList();
    }

    /** A screenshot of the page a test failed on, beside the others in target/browser-screenshots. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
            }
        }
    }
}

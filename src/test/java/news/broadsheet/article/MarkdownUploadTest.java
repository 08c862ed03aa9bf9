package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Editors upload stories as Markdown with YAML front matter: {@code curl --data-binary @story.md}. */
@QuarkusTest
class MarkdownUploadTest {

    private static final String MARKDOWN = "text/markdown; charset=UTF-8";

    private static String story(String section, String frontMatterExtra, String body) {
        return "---\n"
                + "title: Łódź opens its new tram line\n"
                + "subtitle: Ten minutes between trams\n"
                + "section: " + section + "\n"
                + "tags: [transport, lodz]\n"
                + "authors:\n  - Hanna Łukasik\n"
                + "dateline: Łódź\n"
                + "featured: true\n"
                + "status: PUBLISHED\n"
                + "publishedAt: 2026-11-20T07:00:00Z\n"
                + "heroImage:\n  url: https://images.example.org/tram.jpg\n  alt: The first tram\n"
                + frontMatterExtra
                + "---\n"
                + body;
    }

    @Test
    void markdownStoryIsCreatedFromItsFrontMatter() {
        String body = "The line runs **every ten minutes**.\r\n\r\n  Indented, with trailing spaces   \n";
        String slug = editor().contentType(MARKDOWN).body(story(Api.section(), "slug: " + Api.unique("tram") + "\n", body)
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles")
                .then().statusCode(201)
                .body("title", equalTo("Łódź opens its new tram line"))
                .body("subtitle", equalTo("Ten minutes between trams"))
                .body("tags", contains("transport", "lodz"))
                .body("authors.name", contains("Hanna Łukasik"))
                .body("featured", equalTo(true))
                .body("publishedAt", equalTo("2026-11-20T07:00:00Z"))
                .body("heroImage.alt", equalTo("The first tram"))
                .body("bodyHtml", containsString("<strong>every ten minutes</strong>"))
                .extract().path("slug");
        String stored = anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("body");
        assertEquals(body, stored, "the Markdown after the front matter, byte for byte");
    }

    @Test
    void slugIsDerivedFromTheTitleWhenLeftOut() {
        String section = Api.section();
        String slug = editor().contentType(MARKDOWN).body(story(section, "", "Text.\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles").then().statusCode(201).extract().path("slug");
        org.hamcrest.MatcherAssert.assertThat(slug, org.hamcrest.Matchers.startsWith("lodz-opens-its-new-tram-line"));
    }

    @Test
    void markdownPutIsIdempotent() {
        String slug = Api.unique("story");
        byte[] upload = story(Api.section(), "", "Body.\n").getBytes(StandardCharsets.UTF_8);
        editor().contentType(MARKDOWN).body(upload).put("/api/v1/articles/" + slug).then().statusCode(201);
        String updatedAt = anonymous().get("/api/v1/articles/" + slug).then().extract().path("updatedAt");
        editor().contentType(MARKDOWN).body(upload).put("/api/v1/articles/" + slug).then().statusCode(200)
                .body("updatedAt", equalTo(updatedAt));
    }

    @Test
    void unknownFrontMatterKeyIs400() {
        editor().contentType(MARKDOWN).body(story(Api.section(), "colour: red\n", "Text.\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("colour"));
    }

    @Test
    void bodyInFrontMatterIs400() {
        editor().contentType(MARKDOWN).body(story(Api.section(), "body: sneaky\n", "Text.\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void invalidFrontMatterValuesAre400() {
        editor().contentType(MARKDOWN).body(story(Api.section(), "", "x").replace("status: PUBLISHED", "status: LIVE")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("status"));
        editor().contentType(MARKDOWN).body(story("no-such-section", "", "x").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("section"));
        editor().contentType(MARKDOWN).body("---\nsection: world\n---\nNo title.\n")
                .post("/api/v1/articles").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("title"));
    }

    @Test
    void storyWithoutFrontMatterIs400() {
        editor().contentType(MARKDOWN).body("# Just a heading\n\nAnd text.\n").post("/api/v1/articles")
                .then().statusCode(400).body("type", equalTo("urn:broadsheet:problem:malformed-markdown"));
    }

    @Test
    void brokenYamlIs400() {
        editor().contentType(MARKDOWN).body("---\ntitle: [unclosed\nsection: x\n---\nText\n").post("/api/v1/articles")
                .then().statusCode(400).body("type", equalTo("urn:broadsheet:problem:malformed-markdown"))
                .body("detail", containsString("YAML"));
        editor().contentType(MARKDOWN).body("---\n- a list\n- not a mapping\n---\nText\n").post("/api/v1/articles")
                .then().statusCode(400);
    }

    @Test
    void invalidUtf8Is400() {
        byte[] upload = story(Api.section(), "", "x").getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(upload, upload.length + 2);
        broken[upload.length] = (byte) 0xC3;
        broken[upload.length + 1] = (byte) 0x28;
        editor().contentType(MARKDOWN).body(broken).post("/api/v1/articles").then().statusCode(400);
    }

    @Test
    void markdownUploadNeedsAToken() {
        anonymous().contentType(MARKDOWN).body(story(Api.section(), "", "x")).post("/api/v1/articles").then().statusCode(401);
    }
}

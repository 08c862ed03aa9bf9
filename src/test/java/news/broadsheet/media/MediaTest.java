package news.broadsheet.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.luciad.imageio.webp.WebPImageReaderSpi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import news.broadsheet.CacheMetrics;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.sql.DataSource;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The media library through the API, on the storage the test profile configures (a local directory). */
@QuarkusTest
class MediaTest {

    @Inject
    DataSource dataSource;

    static JsonPath upload(byte[] bytes, String contentType) {
        return Api.editor().contentType(contentType).body(bytes).post("/api/v1/media")
                .then().statusCode(201).header("Location", containsString("/api/v1/media/")).extract().jsonPath();
    }

    static byte[] file(String url) {
        return given().get(url).then().statusCode(200).extract().asByteArray();
    }

    static String rendition(JsonPath media, String name, String mimeType) {
        return media.getString("renditions.find { it.name == '" + name + "' && it.mimeType == '" + mimeType + "' }.url");
    }

    @Test
    void aPhotoFromTheFieldIsTurnedUprightPreFilledAndStrippedOfItsLocation() throws Exception {
        // stored 800 x 600, EXIF orientation 6: shown 600 x 800, its stored top-left corner now at the top right
        byte[] photo = TestImages.withMetadata(TestImages.jpeg(TestImages.halves(800, 600)), 6,
                "Trams ran again on Monday morning", "Broadsheet / Agencja", "Hanna Łukasik");
        JsonPath media = upload(photo, "image/jpeg");
        assertEquals("image/jpeg", media.getString("mimeType"));
        assertEquals(600, media.getInt("width"));
        assertEquals(800, media.getInt("height"));
        assertEquals("Trams ran again on Monday morning", media.getString("caption"));
        assertEquals("Broadsheet / Agencja", media.getString("credit"));
        assertEquals("Hanna Łukasik", media.getString("creator"));
        assertEquals(0.5f, media.getFloat("focalPoint.x"));

        byte[] original = file(media.getString("url"));
        BufferedImage upright = TestImages.read(original);
        assertEquals(600, upright.getWidth());
        assertEquals(800, upright.getHeight());
        assertTrue(isGreen(upright.getRGB(590, 10)), "the stored top-left corner is shown top right");
        assertFalse(isGreen(upright.getRGB(10, 10)));
        Metadata served = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
        assertNull(served.getFirstDirectoryOfType(GpsDirectory.class), "no GPS position is served");
        assertNull(served.getFirstDirectoryOfType(ExifIFD0Directory.class), "no EXIF is served");
        assertNull(served.getFirstDirectoryOfType(IptcDirectory.class));

        // widths up to the image's own (600): 320 only, in JPEG and WebP; the WebP decodes
        List<Integer> widths = media.getList("renditions.findAll { it.name.startsWith('w') }.width");
        assertEquals(List.of(320, 320), widths);
        BufferedImage webp = webp(file(rendition(media, "w320", "image/webp")));
        assertEquals(320, webp.getWidth());
        assertEquals(427, webp.getHeight());
        Metadata small = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file(rendition(media, "w320", "image/jpeg"))));
        assertNull(small.getFirstDirectoryOfType(GpsDirectory.class));
    }

    @Test
    void cropsKeepTheFocalPointInView() throws Exception {
        // 2000 x 1000: red left half, blue right half. A square crop is 1000 x 1000: around x=0.1 all red, x=0.9 all blue
        byte[] picture = TestImages.png(TestImages.halves(2000, 1000));
        JsonPath left = Api.editor().multiPart("file", "picture.png", picture, "image/png").multiPart("focalPoint", "0.1,0.5")
                .multiPart("alt", "Two colours").post("/api/v1/media").then().statusCode(201).extract().jsonPath();
        assertEquals("image/png", left.getString("mimeType"));
        assertEquals("Two colours", left.getString("alt"));
        BufferedImage square = TestImages.read(file(rendition(left, "1x1-w960", "image/jpeg")));
        assertEquals(960, square.getWidth());
        assertEquals(960, square.getHeight());
        assertTrue(isRed(square.getRGB(50, 500)) && isRed(square.getRGB(900, 500)), "the whole square is from the left half");

        String id = left.getString("id");
        String etag = Api.editor().get("/api/v1/media/" + id).then().statusCode(200).extract().header("ETag");
        JsonPath right = Api.editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"focalPoint\": {\"x\": 0.9, \"y\": 0.5}}").patch("/api/v1/media/" + id)
                .then().statusCode(200).extract().jsonPath();
        String moved = rendition(right, "1x1-w960", "image/webp");
        assertFalse(moved.equals(rendition(left, "1x1-w960", "image/webp")), "a new focal point makes new file names");
        BufferedImage blue = webp(file(moved));
        assertTrue(isBlue(blue.getRGB(50, 500)) && isBlue(blue.getRGB(900, 500)), "the whole square is from the right half");
        given().get(rendition(left, "1x1-w960", "image/webp")).then().statusCode(404);
        assertEquals(rendition(left, "w960", "image/jpeg"), rendition(right, "w960", "image/jpeg"), "widths do not move");

        // 16:9 of a 2:1 image: 1778 x 1000, so widths up to 1280 (1920 is larger than the region)
        assertEquals(List.of(320, 640, 960, 1280), right.getList("renditions.findAll { it.name.startsWith('16x9') && it.mimeType == 'image/jpeg' }.width"));
        assertEquals(List.of(320, 640, 960, 1280, 1920),
                right.getList("renditions.findAll { it.name.startsWith('w') && it.mimeType == 'image/webp' }.width"));
    }

    @Test
    void theTypeComesFromTheBytesAndTheEditorsFieldsWin() throws Exception {
        byte[] png = TestImages.png(TestImages.halves(400, 300));
        JsonPath media = upload(png, "image/jpeg");
        assertEquals("image/png", media.getString("mimeType"));
        assertTrue(media.getString("url").endsWith("/original.png"));

        byte[] photo = TestImages.withMetadata(TestImages.jpeg(TestImages.halves(400, 300)), 1, "The file's caption", "The agency", null);
        JsonPath form = Api.editor().multiPart("file", "photo.jpg", photo, "application/octet-stream")
                .multiPart("caption", "The editor's caption").post("/api/v1/media").then().statusCode(201).extract().jsonPath();
        assertEquals("The editor's caption", form.getString("caption"));
        assertEquals("The agency", form.getString("credit"));
        // curl --data-binary without -H sends a form type: the bytes still count
        HttpResponse<String> curlDefault = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/media"))
                .header("Authorization", "Bearer " + Api.TOKEN).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, curlDefault.statusCode(), curlDefault.body());
        assertTrue(curlDefault.body().contains("\"mimeType\":\"image/png\""), curlDefault.body());
    }

    @Test
    void badUploadsAreRefusedAndLeaveNothingBehind() throws Exception {
        long before = mediaRows();
        long filesBefore = storedFiles();
        Api.editor().contentType("image/jpeg").body(new byte[0]).post("/api/v1/media").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:broadsheet:problem:empty-upload"));
        Api.editor().contentType("image/svg+xml").body("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
                .post("/api/v1/media").then().statusCode(415).body("detail", containsString("SVG"));
        Api.editor().contentType("image/png").body("GIF89a is not what this is".getBytes(StandardCharsets.US_ASCII)).post("/api/v1/media")
                .then().statusCode(anyOf4xx());
        Api.editor().contentType("image/jpeg").body("plain text, not an image".getBytes(StandardCharsets.US_ASCII)).post("/api/v1/media")
                .then().statusCode(415).body("type", equalTo("urn:broadsheet:problem:unsupported-image-type"));
        byte[] jpeg = TestImages.jpeg(TestImages.halves(640, 480));
        Api.editor().contentType("image/jpeg").body(Arrays.copyOf(jpeg, jpeg.length / 2)).post("/api/v1/media")
                .then().statusCode(400).body("type", equalTo("urn:broadsheet:problem:unreadable-image"));
        Api.editor().contentType("image/png").body(TestImages.pngHeader(100_000, 100_000)).post("/api/v1/media")
                .then().statusCode(400).body("type", equalTo("urn:broadsheet:problem:image-too-large"));
        Api.editor().contentType("image/png").body(TestImages.pngHeader(10_000, 10_000)).post("/api/v1/media")
                .then().statusCode(400).body("detail", containsString("10000 x 10000"));
        byte[] huge = new byte[26 * 1024 * 1024];
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        Api.editor().contentType("image/jpeg").body(huge).post("/api/v1/media").then().statusCode(413)
                .contentType("application/problem+json");
        Api.editor().multiPart("alt", "no file").post("/api/v1/media").then().statusCode(400).body("errors.field", hasItem("file"));
        Api.editor().multiPart("file", "a.jpg", jpeg, "image/jpeg").multiPart("focalPoint", "2,0.5").post("/api/v1/media")
                .then().statusCode(400).body("errors.field", hasItem("focalPoint.x"));
        Api.editor().contentType("multipart/form-data; boundary=cut").body(("--cut\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"a.jpg\"\r\n\r\nthe body ends before its closing boundary").getBytes(StandardCharsets.US_ASCII))
                .post("/api/v1/media").then().statusCode(400).body("type", equalTo("urn:broadsheet:problem:malformed-form"));
        given().contentType("image/jpeg").body(jpeg).post("/api/v1/media").then().statusCode(401);
        assertEquals(before, mediaRows(), "no refused upload left a row");
        assertEquals(filesBefore, storedFiles(), "no refused upload left a file");
    }

    @Test
    void filesAreServedAsImmutableWithRangesAndRevalidation() throws InterruptedException {
        JsonPath media = upload(TestImages.jpeg(TestImages.halves(700, 400)), "image/jpeg");
        String url = rendition(media, "w640", "image/webp");
        assertServedAsAStaticFile(url); // from storage
        awaitServedFromMemory(url);
        assertServedAsAStaticFile(url);
        String base = url.substring(0, url.lastIndexOf('/'));
        given().get(base + "/w641.webp").then().statusCode(404).contentType("application/problem+json");
        given().get(base + "/..%2F..%2Fapplication.properties").then().statusCode(404);
        given().get(base.substring(0, base.lastIndexOf('/')) + "/not-an-id/w640.webp").then().statusCode(404);
        // the record is public and cacheable
        given().get("/api/v1/media/" + media.getString("id")).then().statusCode(200)
                .header("Cache-Control", startsWith("public")).body("renditions.size()", equalTo(4 + 4 + 2 + 2)); // 320 and 640; 16:9 of 700 x 394: the same; 4:3 and 1:1 320 only
    }

    @Test
    void filesDeletedOrReplacedAreNotServedFromMemory() throws InterruptedException {
        JsonPath media = upload(TestImages.jpeg(TestImages.halves(700, 400)), "image/jpeg");
        String id = media.getString("id");
        String crop = rendition(media, "1x1-w320", "image/webp");
        awaitServedFromMemory(crop);
        String etag = Api.editor().get("/api/v1/media/" + id).then().extract().header("ETag");
        Api.editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"focalPoint\": {\"x\": 0.9, \"y\": 0.5}}").patch("/api/v1/media/" + id).then().statusCode(200);
        given().get(crop).then().statusCode(404);

        String width = rendition(media, "w320", "image/jpeg");
        awaitServedFromMemory(width);
        Api.editor().delete("/api/v1/media/" + id).then().statusCode(204);
        given().get(width).then().statusCode(404);
    }

    private static void assertServedAsAStaticFile(String url) {
        Response whole = given().header("Origin", "https://news.example").get(url);
        whole.then().statusCode(200).contentType("image/webp")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Accept-Ranges", "bytes")
                .header("Access-Control-Allow-Origin", "https://news.example");
        byte[] bytes = whole.asByteArray();
        assertEquals(String.valueOf(bytes.length), whole.header("Content-Length"));
        String etag = whole.header("ETag");
        // compression would drop the length (and ranges): images are sent as they are stored
        given().header("Accept-Encoding", "gzip").get(url).then().statusCode(200)
                .header("Content-Length", String.valueOf(bytes.length)).header("Content-Encoding", not(equalTo("gzip")));
        Response head = given().head(url);
        head.then().statusCode(200).header("Content-Length", String.valueOf(bytes.length)).header("ETag", etag);
        assertEquals(0, head.asByteArray().length);
        given().header("If-None-Match", etag).get(url).then().statusCode(304).header("ETag", etag);
        byte[] head10 = given().header("Range", "bytes=0-9").get(url).then().statusCode(206)
                .header("Content-Range", "bytes 0-9/" + bytes.length).header("Content-Length", "10").extract().asByteArray();
        assertEquals(Arrays.toString(Arrays.copyOfRange(bytes, 0, 10)), Arrays.toString(head10));
        byte[] tail = given().header("Range", "bytes=-4").get(url).then().statusCode(206).extract().asByteArray();
        assertEquals(Arrays.toString(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length)), Arrays.toString(tail));
        given().header("Range", "bytes=" + bytes.length + "-").get(url).then().statusCode(416)
                .header("Content-Range", "bytes */" + bytes.length);
        given().header("Range", "bytes=0-9").header("If-Range", "\"another\"").get(url).then().statusCode(200);
    }

    /** Reads a file until an answer comes from the media file cache (its hits on /q/metrics). */
    private static void awaitServedFromMemory(String url) throws InterruptedException {
        byte[] bytes = file(url);
        for (int attempt = 0; attempt < 50; attempt++) {
            double before = CacheMetrics.hits("media_file_cache");
            assertEquals(Arrays.toString(bytes), Arrays.toString(file(url)), "the same bytes from memory");
            if (CacheMetrics.hits("media_file_cache") > before) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " is never answered from memory");
    }


    @Test
    void articlesShowLibraryImagesWithTheirRenditions() {
        JsonPath media = Api.editor().multiPart("file", "tram.jpg", TestImages.jpeg(TestImages.halves(1400, 1000)), "image/jpeg")
                .multiPart("alt", "A tram in the rain").multiPart("credit", "Hanna Łukasik").post("/api/v1/media")
                .then().statusCode(201).extract().jsonPath();
        String id = media.getString("id");
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        article.put("heroImage", Map.of("media", id, "caption", "Trams ran again"));
        article.put("body", "Before.\n\n![The depot](media:" + id + ")\n\nAfter.\n");
        String slug = Api.create(article);

        JsonPath read = Api.anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).extract().jsonPath();
        assertEquals(media.getString("url"), read.getString("heroImage.url"));
        assertEquals(id, read.getString("heroImage.media"));
        assertEquals("A tram in the rain", read.getString("heroImage.alt"), "left out: the media's");
        assertEquals("Trams ran again", read.getString("heroImage.caption"), "given: the article's");
        assertEquals(1400, read.getInt("heroImage.width"));
        assertEquals(1000, read.getInt("heroImage.height"));
        assertEquals(media.getList("renditions.url"), read.getList("heroImage.renditions.url"));
        String html = read.getString("bodyHtml");
        assertTrue(html.contains("src=\"" + rendition(media, "w960", "image/jpeg") + "\""), html);
        assertTrue(html.contains("srcset=\"" + rendition(media, "w320", "image/jpeg") + " 320w"), html);
        assertTrue(html.contains("sizes=\"(max-width: 1280px) 100vw, 1280px\""), html);
        assertTrue(html.contains("width=\"1280\"") && html.contains("height=\"914\"") && html.contains("loading=\"lazy\""), html);
        assertTrue(html.contains("alt=\"The depot\""), html);

        Api.anonymous().get("/api/v1/articles?section=" + section).then().statusCode(200)
                .body("items[0].heroImage.width", equalTo(1400))
                .body("items[0].heroImage.renditions.size()", equalTo(media.getList("renditions").size()));
        // an identical rerun changes nothing
        String updatedAt = read.getString("updatedAt");
        Api.editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug).then().statusCode(200)
                .body("updatedAt", equalTo(updatedAt));

        // the feeds carry the picture
        given().get("/api/v1/feeds/rss.xml?section=" + section).then().statusCode(200)
                .body(allOf(containsString("<enclosure url=\"" + media.getString("url") + "\""), containsString("type=\"image/jpeg\"")));
        given().get("/api/v1/feeds/feed.json?section=" + section).then().statusCode(200).body("items[0].image", equalTo(media.getString("url")));

        // in use: not deleted; once the article is gone, it is, with its files
        Api.editor().delete("/api/v1/media/" + id).then().statusCode(409).body("detail", containsString("article " + slug));
        Api.editor().delete("/api/v1/articles/" + slug).then().statusCode(204);
        Api.editor().delete("/api/v1/media/" + id).then().statusCode(204);
        given().get(media.getString("url")).then().statusCode(404);
        Api.anonymous().get("/api/v1/media/" + id).then().statusCode(404);
    }

    @Test
    void theImportShowsLibraryImagesAndRefusesLinesNamingMissingOnes() {
        JsonPath media = upload(TestImages.jpeg(TestImages.halves(1000, 700)), "image/jpeg");
        String id = media.getString("id");
        String section = Api.section();
        String shown = Api.unique("imported");
        String refused = Api.unique("imported");
        String lines = String.join("\n",
                "{\"slug\": \"" + shown + "\", \"title\": \"Imported with a picture\", \"section\": \"" + section
                        + "\", \"status\": \"PUBLISHED\", \"heroImage\": {\"media\": \"" + id + "\"}, \"body\": \"![A tram](media:" + id + ")\"}",
                "{\"slug\": \"" + refused + "\", \"title\": \"Imported without\", \"section\": \"" + section
                        + "\", \"status\": \"PUBLISHED\", \"heroImage\": {\"media\": \"00000000-0000-4000-8000-000000000001\"}, \"body\": \"Text\"}")
                + "\n";
        Api.editor().contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import")
                .then().statusCode(200).body("created", equalTo(1)).body("rejectedCount", equalTo(1))
                .body("rejected[0].line", equalTo(2)).body("rejected[0].problem.errors.field", hasItem("heroImage.media"));
        JsonPath read = Api.anonymous().get("/api/v1/articles/" + shown).then().statusCode(200).extract().jsonPath();
        assertEquals(media.getString("url"), read.getString("heroImage.url"));
        assertEquals(1000, read.getInt("heroImage.width"));
        assertTrue(read.getString("bodyHtml").contains("srcset=\"" + rendition(media, "w320", "image/jpeg") + " 320w"), read.getString("bodyHtml"));
        Api.editor().delete("/api/v1/media/" + id).then().statusCode(409).body("detail", containsString("article " + shown));
    }

    @Test
    void aWriteNamingMissingMediaIsRefusedAndChangesNothing() {
        Map<String, Object> article = Api.article(Api.section());
        String missing = "00000000-0000-4000-8000-000000000000";
        article.put("heroImage", Map.of("media", missing));
        article.put("body", "![gone](media:" + missing + ")\n");
        Api.editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + article.get("slug")).then().statusCode(400)
                .body("errors.field", allOf(hasItem("heroImage.media"), hasItem("body")));
        Api.anonymous().get("/api/v1/articles/" + article.get("slug")).then().statusCode(404);
        article.put("heroImage", Map.of("alt", "Neither url nor media"));
        article.put("body", "Text.\n");
        Api.editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + article.get("slug")).then().statusCode(400)
                .body("errors.field", hasItem("heroImage.url"));
        // the url form keeps working, without sizes
        article.put("heroImage", Map.of("url", "https://images.example.org/elsewhere.jpg"));
        Api.editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + article.get("slug")).then().statusCode(201)
                .body("heroImage.url", equalTo("https://images.example.org/elsewhere.jpg"))
                .body("heroImage.width", nullValue()).body("heroImage", not(org.hamcrest.Matchers.hasKey("media")));
    }

    @Test
    void authorsPhotosComeFromTheLibraryToo() {
        JsonPath media = upload(TestImages.jpeg(TestImages.halves(500, 500)), "image/jpeg");
        String slug = Api.unique("author");
        Api.editor().contentType(ContentType.JSON).body(Map.of("name", "Oleh Bondar", "photo", Map.of("media", media.getString("id"))))
                .put("/api/v1/authors/" + slug).then().statusCode(201)
                .body("photo.url", equalTo(media.getString("url"))).body("photo.width", equalTo(500));
        Api.editor().delete("/api/v1/media/" + media.getString("id")).then().statusCode(409)
                .body("detail", containsString("author " + slug));
    }

    @Test
    void theLibraryListsNewestFirstForEditorsOnly() {
        String older = upload(TestImages.png(TestImages.halves(64, 64)), "image/png").getString("id");
        String newer = upload(TestImages.png(TestImages.halves(64, 64)), "image/png").getString("id");
        JsonPath first = Api.editor().queryParam("limit", 1).get("/api/v1/media").then().statusCode(200)
                .header("Link", containsString("rel=\"next\"")).extract().jsonPath();
        assertEquals(newer, first.getString("items[0].id"));
        Api.editor().queryParam("limit", 1).queryParam("cursor", first.getString("next")).get("/api/v1/media").then().statusCode(200)
                .body("items[0].id", equalTo(older));
        given().get("/api/v1/media").then().statusCode(401);
        // smaller than every width: no width renditions, the crops only as large as the image allows (none)
        JsonPath tiny = Api.editor().get("/api/v1/media/" + older).then().statusCode(200).extract().jsonPath();
        assertEquals(0, tiny.getList("renditions").size());
    }

    /** Every file the storage holds (the test profile's directory; MediaOnS3Test counts its bucket's objects). */
    long storedFiles() throws IOException {
        Path root = Path.of("target/media-test");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long mediaRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet count = connection.createStatement().executeQuery("select count(*) from media")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static org.hamcrest.Matcher<Integer> anyOf4xx() {
        return org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(415));
    }

    static BufferedImage webp(byte[] bytes) throws IOException {
        ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(bytes)));
        return reader.read(0);
    }

    static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60;
    }

    static boolean isBlue(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 200 && c.getRed() < 60 && c.getGreen() < 60;
    }

    static boolean isGreen(int rgb) {
        Color c = new Color(rgb);
        return c.getGreen() > 200 && c.getRed() < 60 && c.getBlue() < 60;
    }
}

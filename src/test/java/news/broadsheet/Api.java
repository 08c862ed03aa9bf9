package news.broadsheet;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/** Builds requests and test data through the API itself; every name is unique, so tests share nothing. */
public final class Api {

    /** The test profile's admin token (application.properties, %test). */
    public static final String TOKEN = "test-admin-token";

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().accept(ContentType.JSON);
    }

    public static RequestSpecification editor() {
        return given().accept(ContentType.JSON).header("Authorization", "Bearer " + TOKEN);
    }

    /** The slugs of every page of an article list, following its cursors; {@code request} makes a page's request anew. */
    public static List<String> slugsOfEveryPage(Supplier<RequestSpecification> request) {
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        do {
            var page = request.get();
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            var answer = page.get("/api/v1/articles").then().statusCode(200).extract();
            slugs.addAll(answer.jsonPath().getList("items.slug"));
            cursor = answer.path("next");
        } while (cursor != null);
        return slugs;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a top-level section and answers its slug. */
    public static String section() {
        return section(null);
    }

    public static String section(String parent) {
        String slug = unique("section");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Section " + slug);
        body.put("parent", parent);
        editor().contentType(ContentType.JSON).body(body).put("/api/v1/sections/" + slug).then().statusCode(201);
        return slug;
    }

    /** A valid article body, published an hour ago, ready to be changed by the test. */
    public static Map<String, Object> article(String section) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", unique("story"));
        body.put("title", "A story for the test");
        body.put("body", "Some **Markdown** text.\n");
        body.put("section", section);
        body.put("status", "PUBLISHED");
        body.put("publishedAt", Instant.now().minusSeconds(3600).toString());
        return body;
    }

    /** Creates the article with PUT and answers its slug. */
    public static String create(Map<String, Object> article) {
        String slug = (String) article.get("slug");
        editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug).then().statusCode(201);
        return slug;
    }
}

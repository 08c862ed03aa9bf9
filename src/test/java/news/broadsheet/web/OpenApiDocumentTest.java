package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The served document describes every operation completely enough to generate a client from. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    @Test
    void everyOperationIsDescribed() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var entry : path.getValue().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = entry.getValue();
                for (String field : List.of("operationId", "summary", "tags", "responses")) {
                    if (operation.get(field) == null) {
                        problems.add(name + " has no " + field);
                    }
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
                // media files are answered whatever Accept says, as a static file server answers
                boolean negotiated = !path.getKey().equals("/media/{id}/{file}");
                if (!responses.containsKey("500") || negotiated && !responses.containsKey("406")) {
                    problems.add(name + " lacks the common 406/500 answers");
                }
                boolean write = !entry.getKey().equals("get");
                Object security = operation.get("security");
                // a write is either guarded, or public by an explicit empty requirement ({}), like the newsletter sign-up
                if (write && (security == null || security.toString().equals("[]"))) {
                    problems.add(name + " is a write that declares no security requirement");
                }
                if (write && security != null && !security.toString().contains("{}")
                        && (!responses.containsKey("401") || !responses.containsKey("403"))) {
                    problems.add(name + " is a guarded write without 401/403");
                }
                if (operation.get("requestBody") != null && !responses.containsKey("400")) {
                    problems.add(name + " reads a body but documents no 400");
                }
                boolean hasSuccessExample = responses.entrySet().stream()
                        .filter(r -> r.getKey().startsWith("2"))
                        .anyMatch(r -> r.getKey().equals("204") || r.getValue().toString().contains("example"));
                if (!hasSuccessExample) {
                    problems.add(name + " has no example of its success answer");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(68, operations, "the operations of API.md, with its distribution formats (four sitemaps and oEmbed), authors (six), "
                + "collections (five), related articles, history (revisions three, corrections one, preview links two), webhooks "
                + "(eight), the change feed, media (six: upload, list, get, patch, delete, the files) and the search index (state, rebuild)");
    }

    /** openapi-generator refuses an OpenAPI 3.1 licence without an SPDX identifier (CI generates a Java client too). */
    @Test
    void theLicenceHasAnSpdxIdentifierAsGeneratorsRequire() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("info.license.name", org.hamcrest.Matchers.notNullValue())
                .body("info.license.identifier", org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9.+-]+"));
    }

    @Test
    void listLimitIsConstrained() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath();
        List<Map<String, Object>> parameters = document.getList("paths.'/api/v1/articles'.get.parameters");
        Map<String, Object> limit = parameters.stream().filter(p -> p.get("name").equals("limit")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) limit.get("schema");
        assertEquals(1, ((Number) schema.get("minimum")).intValue());
        assertEquals(100, ((Number) schema.get("maximum")).intValue());
    }

    @Test
    void documentIsServedAsYamlAndSwaggerUiRenders() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi: 3.1"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}

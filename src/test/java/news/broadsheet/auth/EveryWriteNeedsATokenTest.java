package news.broadsheet.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks the served OpenAPI document, so an endpoint added later cannot forget its token. */
@QuarkusTest
class EveryWriteNeedsATokenTest {

    @Test
    void everyWriteOperationAnswers401WithoutAToken() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> unguarded = new ArrayList<>();
        int writes = 0;
        for (var path : paths.entrySet()) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "some-value");
            for (var operation : path.getValue().entrySet()) {
                String method = operation.getKey();
                if (!List.of("post", "put", "patch", "delete").contains(method) || isPublic(operation.getValue())) {
                    continue;
                }
                writes++;
                int status = given().contentType(contentTypeOf(operation.getValue())).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .request(method.toUpperCase(), concrete).statusCode();
                if (status != 401) {
                    unguarded.add(method.toUpperCase() + " " + path.getKey() + " answered " + status);
                }
            }
        }
        assertEquals(List.of(), unguarded);
        assertTrue(writes >= 11, "the walk found the write operations: " + writes);
    }

    /** An operation whose security requirements include an empty one is open to anyone, by design. */
    private static boolean isPublic(Map<String, Object> operation) {
        Object security = operation.get("security");
        return security == null || security.toString().contains("{}");
    }

    @SuppressWarnings("unchecked")
    private static String contentTypeOf(Map<String, Object> operation) {
        var body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return "application/json";
        }
        return ((Map<String, Object>) body.get("content")).keySet().iterator().next();
    }
}

package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served OpenAPI document is a contract: it must equal the reviewed copy in src/main/openapi/openapi.yaml,
 * so every API change shows in review. After an intended change: cp target/openapi-served.yaml src/main/openapi/openapi.yaml
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path REVIEWED = Path.of("src/main/openapi/openapi.yaml");
    private static final Path SERVED = Path.of("target/openapi-served.yaml");

    @Test
    void servedDocumentEqualsTheReviewedCopy() throws Exception {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, served, StandardCharsets.UTF_8);
        assertTrue(Files.exists(REVIEWED), "no reviewed copy: cp " + SERVED + " " + REVIEWED);
        assertEquals(Files.readString(REVIEWED, StandardCharsets.UTF_8), served,
                "the API changed: review the difference, then cp " + SERVED + " " + REVIEWED);
    }
}

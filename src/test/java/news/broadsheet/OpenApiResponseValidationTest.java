package news.broadsheet;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every test's answers go through must itself refuse what the document does not describe. */
@QuarkusTest
class OpenApiResponseValidationTest {

    private final OpenApiResponseValidation validation = new OpenApiResponseValidation();

    @Test
    void aDescribedProblemPasses() throws IOException {
        assertEquals(java.util.List.of(), validation.problemsOf(
                "{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404, \"detail\": \"No\", \"instance\": \"/x\"}",
                "#/components/schemas/Problem"));
    }

    @Test
    void undescribedShapesFail() throws IOException {
        String problem = "#/components/schemas/Problem";
        assertTrue(validation.problemsOf("{\"type\": \"about:blank\", \"title\": \"T\", \"status\": 404, \"stack\": \"x\"}", problem)
                .stream().anyMatch(p -> p.contains("stack")), "an unknown property");
        assertTrue(!validation.problemsOf("{\"type\": \"about:blank\", \"title\": \"T\", \"status\": \"404\"}", problem).isEmpty(),
                "a wrong type");
        assertTrue(!validation.problemsOf("{\"items\": [{\"slug\": 7}], \"next\": null}", "#/components/schemas/SectionList").isEmpty(),
                "a wrong type inside a list");
        assertTrue(!validation.problemsOf("{\"id\": \"not-a-uuid\", \"name\": \"n\", \"role\": \"EDITOR\"}", "#/components/schemas/Token").isEmpty(),
                "a bad format or a missing field");
    }
}

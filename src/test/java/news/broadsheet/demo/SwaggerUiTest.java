package news.broadsheet.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import news.broadsheet.Api;
import news.broadsheet.media.TestImages;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Swagger UI's "Try it out" on every operation of the served document, as a newcomer clicks it: authorized with a token,
 * every example as shown, executed against the sample content (the stories written by hand, which the test profile
 * loads as dev mode does). Each operation answers success, but for those whose examples name what only a mail or an
 * earlier answer can give (a subscriber's token, an id): they answer what the document says they answer.
 */
@QuarkusTest
class SwaggerUiTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static Browser browser;
    private static String base;
    /** What a newcomer picks in a file field (an upload's): a photo. */
    private static Path photo;

    @BeforeAll
    static void start() throws IOException {
        photo = Files.createTempFile("swagger-ui-photo-", ".jpg");
        Files.write(photo, TestImages.jpeg(TestImages.halves(800, 500)));
        base = "http://localhost:" + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        browser = Browser.start(List.of(base));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private record Operation(String method, String path, String id, String tag, Map<String, Object> description) {
        /** Its examples name a subscriber's token from a mail, or an id from an earlier answer: only 4xx can follow. */
        boolean needsWhatOnlyAnotherAnswerGives() {
            // an upload needs a file the user picks: the test picks one, but Swagger UI may offer the raw-bytes body first;
            // a search index rebuild needs the OpenSearch engine (the tests' service searches with PostgreSQL: 409)
            return path.contains("{id}") || path.contains("/subscriptions/") && !path.endsWith("/subscriptions")
                    || "uploadMedia".equals(id) || "rebuildSearchIndex".equals(id);
        }
    }

    @Test
    void tryItOutWorksAsShownForEveryOperation() {
        Api.anonymous().get("/api/v1/articles/lviv-s-trams-run-again-after-the-storm").then().statusCode(200); // sample content
        List<Operation> operations = operations();
        browser.driver().get(base + "/q/swagger-ui/");
        authorize(Api.TOKEN);
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations) {
            String answer;
            try {
                answer = execute(operation);
            } catch (RuntimeException e) {
                browser.screenshot("FAILED-swagger-ui-" + operation.id());
                throw new AssertionError("Swagger UI did not execute " + operation.method() + " " + operation.path() + ": " + e, e);
            }
            String status = answer.substring(0, answer.indexOf(' '));
            if (operation.id().equals("listArticles") && !answer.contains("lviv-s-trams-run-again-after-the-storm")) {
                problems.add("the list's examples together do not find the example article: " + answer);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> declared = (Map<String, Object>) operation.description().get("responses");
            boolean success = status.startsWith("2");
            if (!declared.containsKey(status)) {
                problems.add(operation.method() + " " + operation.path() + " answered " + status + ", which it does not declare");
            } else if (!success && !operation.needsWhatOnlyAnotherAnswerGives()) {
                problems.add(operation.method() + " " + operation.path() + " answered " + status + " to its own examples");
            }
        }
        browser.screenshot("swagger-ui");
        assertEquals(List.of(), problems);
    }

    /** Every operation, reads first and deletions last, so the examples' article and section exist when each runs. */
    @SuppressWarnings("unchecked")
    private static List<Operation> operations() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                String tag = ((List<String>) operation.get("tags")).get(0);
                operations.add(new Operation(method, path, (String) operation.get("operationId"), tag, operation));
            }
        }));
        operations.sort(Comparator.comparing((Operation o) -> METHODS.indexOf(o.method())));
        return operations;
    }

    private static void authorize(String token) {
        browser.await(d -> d.findElements(By.cssSelector(".btn.authorize")).isEmpty() ? null : true);
        browser.find(".btn.authorize").click();
        browser.await(d -> d.findElements(By.cssSelector(".modal-ux input")).isEmpty() ? null : true);
        browser.find(".modal-ux input").sendKeys(token);
        browser.find(".modal-ux .auth-btn-wrapper .authorize").click();
        browser.find(".modal-ux .btn-done").click();
    }

    /**
     * Clicks as a user does, the element brought to the middle of the window first: at the edge, Swagger UI's
     * animations or an expanded neighbour can still cover it for a moment, and then the click is tried again.
     */
    private static void click(WebElement element) {
        browser.await(d -> {
            browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
                return true;
            } catch (ElementNotInteractableException e) { // "click intercepted" is one of these
                return null;
            }
        });
    }

    /** Expands the operation, clicks "Try it out" and "Execute", and answers the status Swagger UI shows. */
    private static String execute(Operation operation) {
        String id = "operations-" + operation.tag() + "-" + operation.id();
        WebElement block = browser.await(d -> d.findElements(By.id(id)).stream().findFirst().orElse(null));
        click(block.findElement(By.cssSelector(".opblock-summary-control")));
        WebElement tryOut = browser.await(d -> block.findElements(By.cssSelector(".try-out__btn")).stream().findFirst().orElse(null));
        click(tryOut);
        for (WebElement file : block.findElements(By.cssSelector("input[type=file]"))) {
            file.sendKeys(photo.toAbsolutePath().toString());
        }
        WebElement executeButton = browser.await(d -> block.findElements(By.cssSelector(".btn.execute")).stream().findFirst().orElse(null));
        click(executeButton);
        String status = browser.await(d -> block.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"))
                .stream().map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
        String body = block.findElements(By.cssSelector(".live-responses-table .response-col_description pre")).stream()
                .map(WebElement::getText).findFirst().orElse("");
        click(block.findElement(By.cssSelector(".opblock-summary-control")));
        return status.strip().split("\\s+")[0] + " " + body;
    }
}

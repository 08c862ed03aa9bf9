package news.broadsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every answer a REST Assured test receives from the API is checked against the served OpenAPI document: the
 * operation exists, the status is one it declares, the content type is one declared for that status, and a JSON
 * body validates against the declared schema, strictly (a property the schema does not name fails too).
 * Installed for every {@code @QuarkusTest} by this callback (META-INF/services). Atlassian's
 * swagger-request-validator was the first choice; it does not read OpenAPI 3.1, which our document is, so this is
 * the subset of JSON Schema 2020-12 the document uses. Requests are not validated: many tests send bad ones on purpose.
 */
public class OpenApiResponseValidation implements QuarkusTestBeforeEachCallback, Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean installed;
    private JsonNode document;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!installed) {
            installed = true;
            RestAssured.filters(new OpenApiResponseValidation());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/") || request.getMethod().equals("OPTIONS")) { // CORS preflights are the HTTP layer's
            return response;
        }
        List<String> problems = check(request.getMethod(), path, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The OpenAPI document does not describe the answer to " + request.getMethod() + " " + path
                    + " (" + response.statusCode() + "): " + String.join("; ", problems) + "\n" + response.asString());
        }
        return response;
    }

    private synchronized JsonNode document() {
        if (document == null) {
            try {
                document = JSON.readTree(RestAssured.given().filters(List.of()).get("/q/openapi?format=json").asString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return document;
    }

    private List<String> check(String method, String path, Response response) {
        List<String> problems = new ArrayList<>();
        JsonNode operation = operation(method, path);
        int status = response.statusCode();
        if (operation == null) {
            if (status != 404 && status != 405 && status != 400 && status != 414) {
                problems.add("no operation " + method + " " + path);
            }
            return problems;
        }
        JsonNode declared = operation.path("responses").path(Integer.toString(status));
        if (declared.isMissingNode()) {
            problems.add("status " + status + " is not declared");
            return problems;
        }
        declared = resolve(declared);
        String body = response.asString();
        if (status == 304 || status == 204 || body.isEmpty() && response.contentType().isEmpty()) {
            return problems;
        }
        String type = response.contentType().split(";")[0].trim();
        JsonNode content = declared.path("content").path(type);
        if (content.isMissingNode()) {
            problems.add("content type " + type + " is not declared for " + status);
            return problems;
        }
        if ((type.endsWith("json") && !type.equals("application/x-ndjson")) && content.has("schema")) {
            try {
                validate(JSON.readTree(body), content.get("schema"), "$", problems);
            } catch (IOException e) {
                problems.add("the body is not JSON");
            }
        }
        return problems;
    }

    private JsonNode operation(String method, String path) {
        JsonNode best = null;
        int bestLiterals = -1;
        String[] segments = path.split("/", -1);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String[] template = entry.getKey().split("/", -1);
            if (template.length != segments.length || !entry.getValue().has(method.toLowerCase())) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = template[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = entry.getValue().get(method.toLowerCase());
                bestLiterals = literals;
            }
        }
        return best;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = document().at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** What is wrong with a JSON value against a schema of the document, e.g. {@code #/components/schemas/Problem}. */
    List<String> problemsOf(String json, String schemaRef) throws IOException {
        List<String> problems = new ArrayList<>();
        validate(JSON.readTree(json), JSON.createObjectNode().put("$ref", schemaRef), "$", problems);
        return problems;
    }

    private void validate(JsonNode value, JsonNode schema, String where, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("anyOf") || schema.has("oneOf")) {
            int passing = 0;
            for (JsonNode option : schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf")) {
                List<String> optionProblems = new ArrayList<>();
                validate(value, option, where, optionProblems);
                passing += optionProblems.isEmpty() ? 1 : 0;
            }
            if (passing == 0 || schema.has("oneOf") && passing > 1) {
                problems.add(where + " matches " + passing + " of the schemas it may be");
            }
        }
        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            problems.add(where + " is " + value.getNodeType() + ", not " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(where + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
                problems.add(where + " is longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                problems.add(where + " = " + text + " does not match " + schema.get("pattern"));
            }
            if (!formatMatches(text, schema.path("format").asText(""))) {
                problems.add(where + " = " + text + " is not a " + schema.get("format"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()
                    || schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                problems.add(where + " = " + value + " is out of range");
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(where + " has more than " + schema.get("maxItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), schema.get("items"), where + "[" + i + "]", problems);
                }
            }
        }
        if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + "." + required.asText() + " is required but missing");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!properties.has(field.getKey())) {
                    problems.add(where + "." + field.getKey() + " is not in the schema");
                } else {
                    validate(field.getValue(), properties.get(field.getKey()), where + "." + field.getKey(), problems);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static boolean formatMatches(String text, String format) {
        try {
            switch (format) {
                case "date-time" -> OffsetDateTime.parse(text);
                case "uuid" -> UUID.fromString(text);
                default -> {
                    return true;
                }
            }
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }
}

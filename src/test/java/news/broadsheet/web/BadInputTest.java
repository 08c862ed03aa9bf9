package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Malformed and hostile requests, generated from the served OpenAPI document so that every operation gets them:
 * hostile path and query values, absurd paging, wrong and missing content types, bodies that are not JSON, not
 * UTF-8, of the wrong shape or carrying unknown fields, garbage tokens and preconditions. Every body sent to a
 * write is invalid by construction, so nothing may change. Every answer must be below 500, every error
 * problem+json without a trace of the implementation, every status one the document describes for that
 * operation, and every table must count what it counted before.
 * <p>
 * {@code -Dbad-input.requests=10000} (bench/bad-input.sh) runs the full suite; the default keeps CI short.
 * {@code -Dbad-input.seed=N} replays a run.
 */
@QuarkusTest
class BadInputTest {

    private static final int REQUESTS = Integer.getInteger("bad-input.requests", 1500);
    private static final long SEED = Long.getLong("bad-input.seed", System.nanoTime());

    private static final List<String> HOSTILE = List.of(
            "", " ", "'", "\"", "' or '1'='1", "1; drop table article; --", "\\", "../../etc/passwd", "%00", "%", "%zz",
            "%C3%28", "%FF%FE", "%ED%A0%80", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "*", "?", "#",
            "null", "true", "-1", "0", "1e309", "NaN", "9223372036854775808", "-9223372036854775809", "2147483648",
            "0x1F", "\u202e\u0000", "%E2%80%AE", "%0D%0ASet-Cookie:x=y", "ünïcödé", "漢字", "🙂", "a".repeat(5000),
            "9999-99-99T99:99:99Z", "+300000-01-01T00:00:00Z", "-infinity", "2026-13-01", "bst_" + "x".repeat(43));
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
            "text/markdown", "application/x-ndjson", "application/merge-patch+json", "garbage", "*/*");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html", "application/xml",
            "garbage/type", "application/json;q=0", "text/csv");

    @Inject
    DataSource dataSource;

    private record Operation(String method, String path, List<String> queryParameters, List<String> bodyTypes,
                             java.util.Set<String> statuses) {
    }

    @Test
    void everyOperationAnswersHostileInputWithA4xxProblemAndChangesNothing() throws SQLException {
        List<Operation> operations = operations();
        assertTrue(operations.size() >= 28, "operations in the document: " + operations.size());
        Map<String, Long> before = tableCounts();
        Random random = new Random(SEED);
        int[] byClass = new int[6];
        Map<String, String> undescribed = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            String described = operation.method() + " " + operation.path() + " (seed " + SEED + ", request " + i + ")";
            Response answer = send(operation, random);
            int status = answer.statusCode();
            byClass[status / 100]++;
            boolean declaredNotImplemented = status == 501 && operation.statuses().contains("501"); // oEmbed's format=xml
            if (status >= 500 && !declaredNotImplemented) {
                fail(status + " for " + described + ": " + answer.asString());
            }
            if (!operation.statuses().contains(Integer.toString(status))) {
                undescribed.putIfAbsent(operation.method() + " " + operation.path() + " " + status, answer.asString());
            }
            if (status >= 400) {
                assertEquals("application/problem+json", String.valueOf(answer.contentType()).split(";")[0], described);
                String body = answer.asString();
                assertEquals(status, (int) JsonPath.from(body).getInt("status"), described);
                assertTrue(!body.contains("Exception") && !body.contains("at news.") && !body.contains("org.hibernate")
                        && !body.contains("java."), "implementation details in " + described + ": " + body);
            }
        }
        assertEquals(before, tableCounts(), "hostile requests changed the data");
        assertTrue(undescribed.isEmpty(), "answers the OpenAPI document does not describe (seed " + SEED + "):\n"
                + String.join("\n", undescribed.entrySet().stream().map(e -> e.getKey() + "  " + e.getValue()).toList()));
        System.out.printf("bad input: %d requests over %d operations (seed %d): 2xx %d, 3xx %d, 4xx %d, 5xx %d%n",
                REQUESTS, operations.size(), SEED, byClass[2], byClass[3], byClass[4], byClass[5]);
    }

    private Response send(Operation operation, Random random) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("multipart/form-data", io.restassured.http.ContentType.TEXT)));
        switch (random.nextInt(4)) {
            case 0 -> request.header("Authorization", "Bearer " + Api.TOKEN); // past authentication, into validation
            case 1 -> request.header("Authorization", pick(random, List.of("Bearer", "Bearer ", "Basic YTpi", "Bearer " + pick(random, HOSTILE))));
            default -> { }
        }
        if (random.nextInt(3) == 0) {
            request.header("Accept", pick(random, ACCEPTS));
        }
        if (random.nextInt(5) == 0) {
            request.header(random.nextBoolean() ? "If-Match" : "If-None-Match", pick(random, List.of("*", "\"x\"", "W/\"x\"", "garbage", "\"")));
        }
        StringBuilder query = new StringBuilder();
        List<String> names = new ArrayList<>(operation.queryParameters());
        names.addAll(List.of("limit", "cursor", "unknown", "q"));
        for (int n = random.nextInt(4); n > 0; n--) {
            String name = pick(random, names);
            String value = name.equals("limit") && random.nextBoolean()
                    ? pick(random, List.of("-1", "0", "101", "1000000000", "1.5", "abc", ""))
                    : encode(random, pick(random, HOSTILE));
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
        }
        String path = operation.path().replaceAll("\\{[^}]+}", encodeSegment(random, pick(random, HOSTILE)));
        if (!operation.bodyTypes().isEmpty() || random.nextInt(10) == 0) {
            String type = random.nextInt(3) == 0 || operation.bodyTypes().isEmpty()
                    ? pick(random, CONTENT_TYPES) : pick(random, operation.bodyTypes());
            if (random.nextInt(10) > 0) {
                request.contentType(type);
            }
            byte[] body = invalidBody(random, type);
            if (type.contains("form")) { // REST Assured encodes form bodies itself, from text only
                request.body(new String(body, StandardCharsets.ISO_8859_1));
            } else {
                request.body(body);
            }
        }
        return request.request(operation.method(), path + query);
    }

    /** A body no operation may accept: broken syntax, a wrong shape, bytes that are not UTF-8, or an unknown field. */
    private static byte[] invalidBody(Random random, String type) {
        String hostile = pick(random, HOSTILE);
        String text = switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[1, 2, 3]";
            case 3 -> "\"just a string\"";
            case 4 -> "{\"title\": " + random.nextInt() + ", \"unknownField\": true}";
            case 5 -> "{\"name\": \"" + jsonEscape(hostile) + "\", \"slug\": {\"nested\": [" + "[".repeat(200) + "]}, \"hostile\": 1}";
            case 6 -> "---\ntitle: " + hostile.replace("\n", " ") + "\nhostile: yes\n---\nBody";
            case 7 -> "{\"title\": \"T\", \"section\": \"" + jsonEscape(hostile) + "\", \"hostile\": 1}\n{\n" + "x".repeat(random.nextInt(3000));
            default -> "{\"email\": \"" + jsonEscape(hostile) + "@x\", \"consent\": \"maybe\", \"tags\": " + random.nextLong()
                    + ", \"hostile\": \"\\u0000\"}";
        };
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(6) == 0) { // not UTF-8 at all
            bytes = new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        }
        if (type.contains("x-www-form-urlencoded") && random.nextBoolean()) {
            bytes = ("token=" + encode(random, hostile) + "&List-Unsubscribe=One-Click").getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static String encode(Random random, String value) {
        if (value.matches("(%[0-9A-Fa-f]{2})+") && random.nextBoolean()) {
            return value; // sent as it is: a percent-encoding of bytes that need not be UTF-8
        }
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodeSegment(Random random, String value) {
        String encoded = encode(random, value).replace("+", "%20");
        return encoded.isEmpty() ? "%20" : encoded;
    }

    private static String jsonEscape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> described) || method.equals("parameters")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) described;
            List<String> query = new ArrayList<>();
            for (Object parameter : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> declared = (Map<String, Object>) parameter;
                if ("query".equals(declared.get("in"))) {
                    query.add((String) declared.get("name"));
                }
            }
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            List<String> types = body == null ? List.of() : new ArrayList<>(((Map<String, Object>) body.get("content")).keySet());
            java.util.Set<String> statuses = ((Map<String, Object>) operation.get("responses")).keySet();
            operations.add(new Operation(method.toUpperCase(), path, query, types, statuses));
        }));
        return operations;
    }

    private Map<String, Long> tableCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = connection.createStatement().executeQuery("select count(*) from \"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }
}

package news.broadsheet.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.database.DatabaseUnavailable;
import news.broadsheet.database.QueryCancelled;
import news.broadsheet.web.StrictJson;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place that decides which problem an error is: {@link ProblemMappers} answers requests with it, and reports
 * that list several problems (an import's refused lines) describe each with it. Nothing internal (class names,
 * traces) reaches a client; an error nobody foresaw is logged with a reference the client is given.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    /** A problem and the headers that go with it (Retry-After, WWW-Authenticate, Allow). */
    public record Answer(Problem problem, Map<String, String> headers) {

        public Response response() {
            Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
            headers.forEach(response::header);
            return response.build();
        }

        Answer with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Answer(problem, more);
        }
    }

    private Problems() {
    }

    /** The problem of an error met while answering {@code uri}; {@code uri} is null outside a request. */
    public static Answer of(Throwable e, UriInfo uri) {
        if (e instanceof NotFound) {
            return answer(404, Problem.type("not-found"), e.getMessage(), uri);
        }
        if (e instanceof InvalidInput invalid) {
            return validation(invalid.errors(), uri);
        }
        if (e instanceof ConstraintViolationException violation) {
            return validation(FieldPaths.of(violation), uri);
        }
        if (e instanceof Conflict conflict) {
            return answer(409, Problem.type(conflict.problemType()), e.getMessage(), uri);
        }
        if (e instanceof Gone gone) {
            return answer(410, Problem.type(gone.problemType()), e.getMessage(), uri);
        }
        if (e instanceof StaleVersion) {
            return answer(412, Problem.type("stale-version"), e.getMessage(), uri);
        }
        if (e instanceof TryLater later) {
            return answer(later.status(), Problem.type(later.problemType()), e.getMessage(), uri)
                    .with(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
        }
        if (e instanceof Refused refused) {
            return answer(refused.status(), Problem.type(refused.problemType()), e.getMessage(), uri);
        }
        if (e instanceof MalformedBody malformed) {
            return answer(400, Problem.type(malformed.problemType()), e.getMessage(), uri);
        }
        if (e instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e instanceof IllegalArgumentException && thrownBy(e, "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate")) {
            return answer(415, Problem.GENERIC_TYPE, "The Content-Type header is not a media type (type/subtype, such as image/jpeg)", uri);
        }
        if (e instanceof IOException && isFormParsing(e)) {
            return answer(400, Problem.type("malformed-form"), "The multipart/form-data body could not be read ("
                    + e.getMessage() + "): each part needs its headers and the body must end with the closing boundary", uri);
        }
        if (e instanceof UnauthorizedException) {
            return unauthenticated("This operation needs an API token: send 'Authorization: Bearer <token>'", uri);
        }
        if (e instanceof AuthenticationFailedException) {
            return unauthenticated("The API token is unknown or revoked", uri);
        }
        if (e instanceof ForbiddenException) {
            return answer(403, Problem.type("forbidden"), "This API token's role may not do this", uri);
        }
        if (e instanceof NotImplemented) {
            return answer(501, Problem.type("not-implemented"), e.getMessage(), uri);
        }
        if (e instanceof WebApplicationException http) {
            return http(http, uri);
        }
        return unexpected(e, uri);
    }

    /** The REST layer's form reader failed on the body itself (a truncated or malformed multipart body). */
    private static boolean isFormParsing(Throwable e) {
        return thrownBy(e, "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler");
    }

    /** Whether the REST layer's {@code className} threw it (or called what did): its own errors about a request it read. */
    private static boolean thrownBy(Throwable e, String className) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** A problem's {@code instance}: the request's path. */
    public static String instance(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }

    static Answer validation(List<FieldError> errors, UriInfo uri) {
        String detail = errors.size() == 1
                ? "The field '" + errors.get(0).field() + "' " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + errors.stream().map(FieldError::field).collect(Collectors.joining(", "));
        return answer(400, Problem.type("validation"), detail, uri, errors);
    }

    private static Answer unreadableJson(JsonProcessingException e, UriInfo uri) {
        StreamConstraintsException tooMuch = e instanceof StreamConstraintsException limit ? limit
                : e.getCause() instanceof StreamConstraintsException limit ? limit : null; // the latter: met reading a field
        if (tooMuch != null) {
            return answer(400, Problem.type("malformed-json"), "The JSON is beyond this API's limits: at most "
                    + StrictJson.LIMITS.getMaxNestingDepth() + " levels deep, " + StrictJson.LIMITS.getMaxTokenCount()
                    + " values in all, strings of at most " + StrictJson.LIMITS.getMaxStringLength() + " characters", uri);
        }
        if (e instanceof JsonParseException parse) {
            var location = parse.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return answer(400, Problem.type("malformed-json"), "The request body is not valid JSON" + where, uri);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return validation(List.of(new FieldError(FieldPaths.of(unknown), "is not a known field")), uri);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return wrongJsonType(mismatch, uri);
        }
        String path = e instanceof JsonMappingException mapping ? FieldPaths.of(mapping) : "";
        if (!path.isEmpty() && e.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null) {
            // a value our own types refused while being read, with the reason they gave
            return validation(List.of(new FieldError(path, refused.getMessage())), uri);
        }
        String detail = path.isEmpty() ? "The request body could not be read as the expected JSON"
                : "The field '" + path + "' could not be read";
        return answer(400, Problem.type("malformed-json"), detail, uri);
    }

    private static Answer wrongJsonType(MismatchedInputException e, UriInfo uri) {
        String path = FieldPaths.of(e);
        if (path.isEmpty()) {
            return answer(400, Problem.type("malformed-json"), "The request body does not have the expected shape (a JSON object)", uri);
        }
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            message = invalid.getOriginalMessage(); // StrictJson's, naming the character it refuses
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            message = "must be one of " + List.of(invalid.getTargetType().getEnumConstants());
        } else {
            message = "must be " + FieldPaths.expected(e.getTargetType());
        }
        return validation(List.of(new FieldError(path, message)), uri);
    }

    /** The REST layer's own refusals (404, 405, 406, 415...) and the JSON errors it wraps while reading a body. */
    private static Answer http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Answer answer = answer(status, Problem.GENERIC_TYPE, httpDetail(status, uri), uri);
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            if (original.getHeaders().containsKey(header)) {
                answer = answer.with(header, original.getHeaderString(header));
            }
        }
        return answer;
    }

    private static Answer unexpected(Throwable e, UriInfo uri) {
        String where = uri == null ? "" : " on " + uri.getPath();
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("The database is unreachable (%s)%s", rootMessage(e), where);
            return answer(503, Problem.type("database-unavailable"), "The database is unreachable right now; what this "
                    + "request had not committed was rolled back. Try again in a few seconds", uri)
                    .with(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        if (QueryCancelled.causedBy(e)) {
            LOG.warnf("A query was cancelled after its time limit%s%s", where,
                    uri == null || uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
            return answer(503, Problem.type("query-timeout"), "The query ran out of time and was stopped. A narrower search (fewer "
                    + "common words, a section or tag, no highlight, no count) answers sooner; or try again in a while", uri)
                    .with(HttpHeaders.RETRY_AFTER, "10");
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s%s", reference, where);
        return answer(500, Problem.GENERIC_TYPE, "The service failed to answer; the error was logged with reference " + reference, uri);
    }

    private static Answer unauthenticated(String detail, UriInfo uri) {
        return answer(401, Problem.type("unauthorized"), detail, uri).with(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    private static Answer answer(int status, String type, String detail, UriInfo uri) {
        return answer(status, type, detail, uri, null);
    }

    private static Answer answer(int status, String type, String detail, UriInfo uri, List<FieldError> errors) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "Error" : statusType.getReasonPhrase();
        return new Answer(new Problem(type, title, status, detail, uri == null ? null : instance(uri), errors), Map.of());
    }

    private static String httpDetail(int status, UriInfo uri) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "There is nothing at " + instance(uri);
            case 405 -> "This method is not allowed on " + instance(uri);
            case 406 -> "This resource cannot answer in a media type the Accept header allows";
            case 412 -> "A precondition of the request does not hold";
            case 413 -> "The request body is too large";
            case 415 -> "This operation does not accept that Content-Type";
            default -> Response.Status.fromStatusCode(status) == null ? "The request failed"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

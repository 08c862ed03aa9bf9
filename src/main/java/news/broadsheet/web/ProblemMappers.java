package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.database.DatabaseUnavailable;
import news.broadsheet.database.QueryCancelled;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every error the API answers, as RFC 9457 problem+json; nothing internal (class names, traces) leaks. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return problem(404, Problem.type("not-found"), e.getMessage(), uri, null).build();
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e, UriInfo uri) {
        return validation(e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return problem(409, Problem.type(e.problemType()), e.getMessage(), uri, null).build();
    }

    @ServerExceptionMapper
    public Response tryLater(TryLater e, UriInfo uri) {
        return problem(e.status(), Problem.type(e.problemType()), e.getMessage(), uri, null)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response staleVersion(StaleVersion e, UriInfo uri) {
        return problem(412, Problem.type("stale-version"), e.getMessage(), uri, null).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return validation(fieldErrors(e), uri);
    }

    @ServerExceptionMapper
    public Response resourceConstraintViolation(ResteasyReactiveViolationException e, UriInfo uri) {
        return validation(fieldErrors(e), uri);
    }

    @ServerExceptionMapper
    public Response malformedBody(MalformedBody e, UriInfo uri) {
        return problem(400, Problem.type(e.problemType()), e.getMessage(), uri, null).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return problem(400, Problem.type("malformed-json"), "The request body is not valid JSON" + where, uri, null).build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return validation(List.of(new FieldError(jsonPath(e), "is not a known field")), uri);
    }

    @ServerExceptionMapper
    public Response wrongJsonType(MismatchedInputException e, UriInfo uri) {
        String path = jsonPath(e);
        if (path.isEmpty()) {
            return problem(400, Problem.type("malformed-json"),
                    "The request body does not have the expected shape (a JSON object)", uri, null).build();
        }
        String expected = e.getTargetType() == null ? "value" : describe(e.getTargetType());
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            message = invalid.getOriginalMessage(); // StrictJson's, naming the character it refuses
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            message = "must be one of " + List.of(invalid.getTargetType().getEnumConstants());
        } else {
            message = "must be " + expected;
        }
        return validation(List.of(new FieldError(path, message)), uri);
    }

    @ServerExceptionMapper
    public Response tooMuchJson(StreamConstraintsException e, UriInfo uri) {
        return problem(400, Problem.type("malformed-json"), "The JSON is beyond this API's limits: at most "
                + StrictJson.LIMITS.getMaxNestingDepth() + " levels deep, " + StrictJson.LIMITS.getMaxTokenCount()
                + " values in all, strings of at most " + StrictJson.LIMITS.getMaxStringLength() + " characters", uri, null).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e.getCause() instanceof StreamConstraintsException tooMuch) {
            return tooMuchJson(tooMuch, uri); // met while reading a field
        }
        String path = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        if (!path.isEmpty() && e.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null) {
            // a value our own types refused while being read, with the reason they gave
            return validation(List.of(new FieldError(path, refused.getMessage())), uri);
        }
        String detail = path.isEmpty() ? "The request body could not be read as the expected JSON"
                : "The field '" + path + "' could not be read";
        return problem(400, Problem.type("malformed-json"), detail, uri, null).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("This operation needs an API token: send 'Authorization: Bearer <token>'", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated("The API token is unknown or revoked", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, Problem.type("forbidden"), "This API token's role may not do this", uri, null).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof StreamConstraintsException tooMuch) {
            return tooMuchJson(tooMuch, uri);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return wrongJsonType(mismatch, uri);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.ResponseBuilder answer = problem(status, Problem.GENERIC_TYPE, httpDetail(status, uri), uri, null);
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            if (original.getHeaders().containsKey(header)) {
                answer.header(header, original.getHeaderString(header));
            }
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("The database is unreachable (%s) on %s", rootMessage(e), uri.getPath());
            return problem(503, Problem.type("database-unavailable"),
                    "The database is unreachable right now; what this request had not committed was rolled back. Try again in a few seconds", uri, null)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        if (QueryCancelled.causedBy(e)) {
            LOG.warnf("A query was cancelled after its time limit on %s?%s", uri.getPath(), uri.getRequestUri().getRawQuery());
            return problem(503, Problem.type("query-timeout"), "The query ran out of time and was stopped. A narrower search (fewer "
                    + "common words, a section or tag, no highlight, no count) answers sooner; or try again in a while", uri, null)
                    .header(HttpHeaders.RETRY_AFTER, "10").build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, uri.getPath());
        return problem(500, Problem.GENERIC_TYPE,
                "The service failed to answer; the error was logged with reference " + reference, uri, null).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The problem a request would have been answered with, for reports that list several (an import's lines). */
    public static Problem describe(Throwable e) {
        ProblemMappers mappers = new ProblemMappers();
        Response answer;
        if (e instanceof InvalidInput invalid) {
            answer = mappers.invalidInput(invalid, null);
        } else if (e instanceof ConstraintViolationException violation) {
            answer = mappers.constraintViolation(violation, null);
        } else if (e instanceof MalformedBody malformed) {
            answer = mappers.malformedBody(malformed, null);
        } else if (e instanceof StreamConstraintsException tooMuch) {
            answer = mappers.tooMuchJson(tooMuch, null);
        } else if (e instanceof JsonParseException parse) {
            answer = mappers.malformedJson(parse, null);
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            answer = mappers.unknownField(unknown, null);
        } else if (e instanceof MismatchedInputException mismatch) {
            answer = mappers.wrongJsonType(mismatch, null);
        } else if (e instanceof JsonProcessingException unreadable) {
            answer = mappers.unreadableJson(unreadable, null);
        } else if (e instanceof Conflict conflict) {
            answer = mappers.conflict(conflict, null);
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Unexpected error %s", reference);
            answer = problem(500, Problem.GENERIC_TYPE, "The service failed on this line; the error was logged with reference "
                    + reference, null, null).build();
        }
        return (Problem) answer.getEntity();
    }

    static Response validation(List<FieldError> errors, UriInfo uri) {
        String detail = errors.size() == 1
                ? "The field '" + errors.get(0).field() + "' " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + errors.stream().map(FieldError::field).collect(Collectors.joining(", "));
        return problem(400, Problem.type("validation"), detail, uri, errors).build();
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return problem(401, Problem.type("unauthorized"), detail, uri, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    public static Response.ResponseBuilder problem(int status, String type, String detail, UriInfo uri, List<FieldError> errors) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "Error" : statusType.getReasonPhrase();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, uri == null ? null : instance(uri), errors));
    }

    /** A problem's {@code instance}: the request's path. */
    public static String instance(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
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

    private static List<FieldError> fieldErrors(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /** The path as the client wrote it: {@code heroImage.url}, {@code tags[2]}, or a query parameter's name. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        boolean beanParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                beanParameter = true;
                name.append(node.getName());
                continue;
            }
            if (beanParameter) {
                // a request body parameter: the client knows its fields, not our parameter's name
                name.setLength(0);
                beanParameter = false;
            }
            if (node.getIndex() != null && !name.isEmpty()) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 time such as 2026-11-24T09:30:00Z";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}

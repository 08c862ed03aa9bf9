package news.broadsheet.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the REST layer meets, answered as RFC 9457 problem+json by {@link Problems}. One mapper would catch
 * them all but for the types Quarkus and its extensions map themselves (validation, Jackson, security, the REST
 * layer's own refusals): the most specific mapper wins, so each of those is claimed here by name.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response resourceConstraintViolation(ResteasyReactiveViolationException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response wrongJsonType(MismatchedInputException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response tooMuchJson(StreamConstraintsException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }

    /** Our own errors (NotFound, InvalidInput, Conflict, StaleVersion, TryLater, MalformedBody) and anything unforeseen. */
    @ServerExceptionMapper
    public Response anyOther(Throwable e, UriInfo uri) {
        return Problems.of(e, uri).response();
    }
}

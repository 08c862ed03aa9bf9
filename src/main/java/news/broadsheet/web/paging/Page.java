package news.broadsheet.web.paging;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Optional;

/** One page of a list: {@code next} is the cursor of the following page, null on the last. */
public record Page<T>(List<T> items, String next, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    /** 200 with the page, and the {@code Link} header to the next page while there is one. */
    public RestResponse<Page<T>> answer(UriInfo request) {
        var answer = RestResponse.ResponseBuilder.ok(this);
        nextLink(request).ifPresent(link -> answer.header("Link", link));
        return answer.build();
    }

    /** The {@code Link: <...>; rel="next"} header value that mirrors {@code next}: this request with the next cursor. */
    public Optional<String> nextLink(UriInfo request) {
        if (next == null) {
            return Optional.empty();
        }
        return Optional.of("<" + request.getRequestUriBuilder().replaceQueryParam("cursor", next).build() + ">; rel=\"next\"");
    }
}

package news.broadsheet.web.paging;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Optional;

/** One page of a list: {@code next} is the cursor of the following page, null on the last. */
public record Page<T>(List<T> items, String next, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    /** The {@code Link: <...>; rel="next"} header value that mirrors {@code next}: this request with the next cursor. */
    public Optional<String> nextLink(UriInfo request) {
        if (next == null) {
            return Optional.empty();
        }
        return Optional.of("<" + request.getRequestUriBuilder().replaceQueryParam("cursor", next).build() + ">; rel=\"next\"");
    }
}

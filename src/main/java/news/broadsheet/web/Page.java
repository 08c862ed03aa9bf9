package news.broadsheet.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One page of a list: {@code next} is the cursor of the following page, null on the last. */
public record Page<T>(List<T> items, String next, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {
}

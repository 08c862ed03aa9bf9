package news.broadsheet.section;

import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;

import java.util.List;

/**
 * A section named in a request body or query that does not exist: the same 400 wherever it is named (an article, a
 * list or feed filter, a parent, a subscriber's choices). Only a section's own path answers 404.
 */
public final class UnknownSection {

    private UnknownSection() {
    }

    public static FieldError error(String field, String slug) {
        return new FieldError(field, "must name an existing section; there is no '" + slug + "'");
    }

    public static InvalidInput in(String field, String slug) {
        return new InvalidInput(List.of(error(field, slug)));
    }
}

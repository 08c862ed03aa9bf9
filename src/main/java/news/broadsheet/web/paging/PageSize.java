package news.broadsheet.web.paging;

import java.util.List;
import news.broadsheet.web.problem.FieldError;

/** The {@code limit} of a list: 1 to 100 items a page, 20 when left out. */
public final class PageSize {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageSize() {
    }

    /** The page size asked for; a bad value is added to {@code errors} and the default answered. */
    public static int parse(String raw, List<FieldError> errors) {
        return parse(raw, DEFAULT, MAX, errors);
    }

    /** The same for a list with other bounds (related articles: 1 to 20, 5 when left out). */
    public static int parse(String raw, int fallback, int max, List<FieldError> errors) {
        if (raw == null) {
            return fallback;
        }
        try {
            int size = Integer.parseInt(raw.trim());
            if (size >= 1 && size <= max) {
                return size;
            }
            errors.add(new FieldError("limit", "must be between 1 and " + max));
        } catch (NumberFormatException e) {
            errors.add(new FieldError("limit", "must be a whole number between 1 and " + max));
        }
        return fallback;
    }
}

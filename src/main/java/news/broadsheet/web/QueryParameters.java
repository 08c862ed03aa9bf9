package news.broadsheet.web;

import news.broadsheet.web.problem.FieldError;

import java.util.List;

/** Query parameters read strictly, each bad value added to the request's field errors. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** {@code true} or {@code false}, null when left out; anything else is an error on {@code name}. */
    public static Boolean bool(String name, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(name, "must be true or false"));
                yield null;
            }
        };
    }
}

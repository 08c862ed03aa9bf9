package news.broadsheet.web.problem;

import java.util.List;

/** Input that cannot be accepted, with each offending field. */
public class InvalidInput extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

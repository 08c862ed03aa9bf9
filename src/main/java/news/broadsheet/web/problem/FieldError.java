package news.broadsheet.web.problem;

/** One invalid input: the field's JSON path (or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}

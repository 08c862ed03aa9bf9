package news.broadsheet.web.problem;

/** The request is valid but clashes with what is stored: a taken slug, a section still in use. */
public class Conflict extends RuntimeException {
    private final String problemType;

    public Conflict(String problemType, String detail) {
        super(detail);
        this.problemType = problemType;
    }

    public static Conflict slugTaken(String what, String slug) {
        return new Conflict("slug-taken", "The slug '" + slug + "' is already used by another " + what);
    }

    public String problemType() {
        return problemType;
    }
}

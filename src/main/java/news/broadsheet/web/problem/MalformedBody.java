package news.broadsheet.web.problem;

/** A request body that cannot be read at all: not JSON, not YAML front matter, not UTF-8. */
public class MalformedBody extends RuntimeException {
    private final String problemType;

    private MalformedBody(String problemType, String detail) {
        super(detail);
        this.problemType = problemType;
    }

    public static MalformedBody json(String detail) {
        return new MalformedBody("malformed-json", detail);
    }

    public static MalformedBody markdown(String detail) {
        return new MalformedBody("malformed-markdown", detail);
    }

    public String problemType() {
        return problemType;
    }
}

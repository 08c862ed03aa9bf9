package news.broadsheet.web.problem;

/**
 * A request body refused for what it is rather than for a field: too large (413), of a type not taken (415), or not
 * readable as what it claims to be (400). The detail says what to send instead.
 */
public class Refused extends RuntimeException {
    private final int status;
    private final String problemType;

    public Refused(int status, String problemType, String detail) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }
}

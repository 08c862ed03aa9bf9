package news.broadsheet.web.problem;

/** What the request names existed once and is removed for good (410), of the given problem type. */
public class Gone extends RuntimeException {
    private final String problemType;

    public Gone(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    public String problemType() {
        return problemType;
    }
}

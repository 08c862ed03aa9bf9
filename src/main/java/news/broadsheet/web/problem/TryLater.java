package news.broadsheet.web.problem;

/** A request refused for now (429 or 503), of the given problem type; the client may try again after {@link #retryAfterSeconds()}. */
public abstract class TryLater extends RuntimeException {
    private final int status;
    private final String problemType;
    private final long retryAfterSeconds;

    protected TryLater(int status, String problemType, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.problemType = problemType;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

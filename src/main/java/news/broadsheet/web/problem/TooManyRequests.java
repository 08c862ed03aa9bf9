package news.broadsheet.web.problem;

/** A client asked for more than it may have at once (429). */
public class TooManyRequests extends TryLater {

    /** A client address that asked too often. */
    public TooManyRequests(long retryAfterSeconds) {
        this("rate-limited", "Too many requests from this client address; try again in " + retryAfterSeconds + " seconds",
                retryAfterSeconds);
    }

    public TooManyRequests(String problemType, String message, long retryAfterSeconds) {
        super(429, problemType, message, retryAfterSeconds);
    }
}

package news.broadsheet.web;

/** A client that asked too often; it may try again after {@link #retryAfterSeconds()}. */
public class TooManyRequests extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super("Too many requests from this client address; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

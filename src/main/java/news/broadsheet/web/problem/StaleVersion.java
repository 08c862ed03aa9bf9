package news.broadsheet.web.problem;

/** A conditional write whose precondition (If-Match, If-None-Match) does not hold: nothing was changed. */
public class StaleVersion extends RuntimeException {
    public StaleVersion(String detail) {
        super(detail);
    }
}

package news.broadsheet.web.problem;

/** No such resource, or none that this caller may see. */
public class NotFound extends RuntimeException {
    public NotFound(String what, String key) {
        super("No " + what + " '" + key + "'");
    }
}

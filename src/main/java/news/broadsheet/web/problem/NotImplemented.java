package news.broadsheet.web.problem;

/** A request for something the API does not do, though the standard it follows names it (oEmbed's XML format). */
public class NotImplemented extends RuntimeException {
    public NotImplemented(String message) {
        super(message);
    }
}

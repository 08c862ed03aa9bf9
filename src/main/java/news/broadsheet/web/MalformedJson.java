package news.broadsheet.web;

/** A request body that is not JSON of the expected shape at all. */
public class MalformedJson extends RuntimeException {
    public MalformedJson(String detail) {
        super(detail);
    }
}

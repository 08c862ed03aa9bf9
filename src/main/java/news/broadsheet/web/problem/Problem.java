package news.broadsheet.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem details body; {@code errors} lists each invalid field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of no more specific type than its HTTP status. */
    public static final String GENERIC_TYPE = "about:blank";

    public static String type(String name) {
        return "urn:broadsheet:problem:" + name;
    }
}

package news.broadsheet.auth;

/** The roles an API token can carry; admin includes everything editor may do. */
public final class Roles {
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

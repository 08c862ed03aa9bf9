package news.broadsheet.database;

import java.sql.SQLException;

/** Recognizes, anywhere in a chain of causes, a statement the server cancelled because it ran past its time limit. */
public final class QueryCancelled {

    /** query_canceled: a statement timeout, a JDBC query timeout, or an operator's pg_cancel_backend. */
    private static final String QUERY_CANCELED = "57014";

    private QueryCancelled() {
    }

    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

package news.broadsheet.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/** Recognizes, anywhere in a chain of causes, that the database could not be reached, rather than that a query failed. */
public final class DatabaseUnavailable {

    /** SQLSTATE classes and codes of a lost or refused connection, and of a server shutting down or starting up. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** What a client is told to wait (Retry-After) before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // Agroal's answer when no connection could be had in time ("Sorry, acquisition timeout!") carries no SQLSTATE
            if (cause instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}

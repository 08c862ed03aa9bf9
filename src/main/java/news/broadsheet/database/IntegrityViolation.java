package news.broadsheet.database;

import java.sql.SQLException;

/** PostgreSQL's integrity constraint violations that a service answers as a conflict, recognized anywhere in an exception's causes. */
public enum IntegrityViolation {
    UNIQUE("23505"),
    FOREIGN_KEY("23503");

    private final String sqlState;

    IntegrityViolation(String sqlState) {
        this.sqlState = sqlState;
    }

    public boolean in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

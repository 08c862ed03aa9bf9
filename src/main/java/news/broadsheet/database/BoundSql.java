package news.broadsheet.database;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement composed of parts, each with the values of its own placeholders, so a query built from reusable
 * parts binds its parameters in the order they appear without anybody counting question marks.
 */
public final class BoundSql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    /** Appends SQL and the values of the placeholders ({@code ?}) it holds, in order. */
    public BoundSql append(String sql, Object... placeholderValues) {
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != placeholderValues.length) {
            throw new IllegalArgumentException(placeholders + " placeholders but " + placeholderValues.length + " values in: " + sql);
        }
        text.append(sql);
        values.addAll(List.of(placeholderValues));
        return this;
    }

    /**
     * The statement with its values bound, planned for those values on every execution: pgjdbc would otherwise switch
     * to a server-side prepared statement after a few executions, whose generic plan knows nothing of, say, the words
     * of a search, and evaluates what they become once per row instead of once per statement.
     */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        return prepare(connection, Duration.ZERO);
    }

    /**
     * As {@link #prepare(Connection)}, cancelled by the server once it has run for {@code timeout} (rounded up to whole
     * seconds; zero for none): it then fails with SQLSTATE 57014, which {@link QueryCancelled} recognizes.
     */
    public PreparedStatement prepare(Connection connection, Duration timeout) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        try {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, timeout.plusMillis(999).toSeconds()));
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                statement.setObject(i + 1, value instanceof Instant time ? time.atOffset(ZoneOffset.UTC) : value);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

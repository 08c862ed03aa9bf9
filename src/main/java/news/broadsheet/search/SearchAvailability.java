package news.broadsheet.search;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Whether the OpenSearch index can be trusted: not from a failed write to the cluster until every queued change is
 * written again (search_index.unavailable_since, set by whichever instance indexes).
 */
@ApplicationScoped
public class SearchAvailability {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private volatile long problemReadAt = System.nanoTime() - FRESH.toNanos();
    private volatile Optional<String> problem = Optional.empty();

    SearchAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws SearchUnavailable while the index may miss changes; asks the database at most once a second, on a search's path */
    public void require() {
        if (System.nanoTime() - problemReadAt >= FRESH.toNanos()) {
            problem = query("select unavailable_reason from search_index where unavailable_since is not null", false).problem();
            problemReadAt = System.nanoTime();
        }
        problem.ifPresent(why -> {
            throw new SearchUnavailable(why);
        });
    }

    /** Why searches are refused, if they are, and how many changes wait to be indexed (counted: for readiness and status). */
    public Known read() {
        return query("""
                select (select unavailable_reason from search_index where unavailable_since is not null),
                       (select count(*) from search_queue)""", true);
    }

    private Known query(String sql, boolean counted) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            boolean found = row.next();
            String reason = found ? row.getString(1) : null;
            return new Known(Optional.ofNullable(reason)
                    .map(why -> "the search cluster missed changes that are queued to be written again (" + why + ")"),
                    counted ? row.getLong(2) : 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the search index's state failed", e);
        }
    }

    public record Known(Optional<String> problem, long queuedChanges) {
    }
}

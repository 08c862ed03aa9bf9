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
 * written again (search_index.unavailable_since, set by whichever instance indexes). Read at most once a second.
 */
@ApplicationScoped
public class SearchAvailability {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private volatile Known known = new Known(0, Optional.empty(), 0);

    SearchAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws SearchUnavailable while the index may miss changes */
    public void require() {
        Optional<String> problem = read().problem();
        if (problem.isPresent()) {
            throw new SearchUnavailable(problem.get());
        }
    }

    /** Why searches are refused, if they are, and how many changes wait to be indexed. */
    public Known read() {
        Known now = known;
        if (System.nanoTime() - now.readAt() < FRESH.toNanos()) {
            return now;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select (select unavailable_reason from search_index where unavailable_since is not null),
                            (select count(*) from search_queue)""");
             ResultSet row = query.executeQuery()) {
            row.next();
            now = new Known(System.nanoTime(), Optional.ofNullable(row.getString(1))
                    .map(reason -> "the search cluster missed changes that are queued to be written again (" + reason + ")"),
                    row.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the search index's state failed", e);
        }
        known = now;
        return now;
    }

    public record Known(long readAt, Optional<String> problem, long queuedChanges) {
    }
}

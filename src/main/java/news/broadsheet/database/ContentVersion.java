package news.broadsheet.database;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The state of the public content: the version every committed write bumps (a trigger, so all instances agree),
 * and the latest publication time that has come, which moves when a scheduled article goes live.
 * <p>
 * While {@link ContentChanges} listens to the database's change notifications, the state is known in memory and
 * costs nothing to read; otherwise every read asks the database.
 */
@ApplicationScoped
public class ContentVersion {

    private static final String CURRENT = """
            select v.version,
                   (select coalesce(a.published_at, a.created_at) from article a
                    where article_is_public(a)
                    order by coalesce(a.published_at, a.created_at) desc limit 1) as latest_due,
                   (select coalesce(a.published_at, a.created_at) from article a
                    where article_is_scheduled(a)
                    order by coalesce(a.published_at, a.created_at) limit 1) as next_due
            from content_version v where v.id = 1""";

    /** What the database said last; {@code nextDue} is when a scheduled article goes live and the tag moves. */
    private record Known(long version, String tag, Instant nextDue) {
        boolean dueAt(Instant now) {
            return nextDue != null && !now.isBefore(nextDue);
        }
    }

    private final DataSource dataSource;
    private final AtomicReference<Known> known = new AtomicReference<>();
    private volatile boolean followingChanges;

    ContentVersion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The current tag of the content, from memory while change notifications arrive, else from the database. */
    public String current() {
        return knownTag().orElseGet(this::refresh);
    }

    /** The current tag when it is known without asking the database; empty while notifications are not followed. */
    public Optional<String> knownTag() {
        Known state = known.get();
        if (!followingChanges || state == null || state.dueAt(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(state.tag());
    }

    /** Reads the state from the database now, e.g. right after a write committed, and returns its tag. */
    public String refresh() {
        try (Connection connection = dataSource.getConnection()) {
            return refresh(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the content version failed", e);
        }
    }

    String refresh(Connection connection) throws SQLException {
        Known read;
        try (PreparedStatement query = connection.prepareStatement(CURRENT);
             ResultSet row = query.executeQuery()) {
            row.next();
            long version = row.getLong(1);
            OffsetDateTime nextDue = row.getObject(3, OffsetDateTime.class);
            read = new Known(version, version + "/" + row.getString(2), nextDue == null ? null : nextDue.toInstant());
        }
        // answers from parallel reads may arrive out of order: never go back to an older version
        Known kept = known.accumulateAndGet(read, (old, fresh) -> old != null && old.version() > fresh.version() ? old : fresh);
        return kept.tag();
    }

    /** Set by {@link ContentChanges}: true while every change reaches {@link #refresh} as it commits. */
    void followingChanges(boolean following) {
        followingChanges = following;
    }
}

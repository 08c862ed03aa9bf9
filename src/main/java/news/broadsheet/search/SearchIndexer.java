package news.broadsheet.search;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.broadsheet.BroadsheetConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Keeps the OpenSearch index in step with the database (broadsheet.search.engine=opensearch). Every write of an article
 * queues it (search_queue, filled by triggers: V23__search_queue.sql); this worker writes the queued articles as they
 * are now to the index and forgets them in one transaction, so a change the cluster did not take stays queued and is
 * written when it answers again. One instance at a time does it (an advisory lock per step); any may take over.
 * <p>
 * A rebuild fills a new index from every article in id order, a chunk per step, while queued changes go on reaching
 * both the live index and the new one; both are written by this one worker in turn, so a chunk read before a change is
 * always followed by that change. Then the alias moves to the new index and the old one is deleted.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    /** The advisory lock of the one indexing worker: any number, the same on every instance. */
    private static final long INDEXER_LOCK = 0x5ea2c4_1d3e7L;
    private static final int BATCH = 500;
    private static final int REBUILD_CHUNK = 1000;
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final ArticleIndex index;
    private final boolean enabled;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread worker;
    /** The live index this instance has found built with the current mapping; another one is rebuilt. */
    private String liveIndexChecked;

    SearchIndexer(DataSource dataSource, ArticleIndex index, BroadsheetConfig config) {
        this.dataSource = dataSource;
        this.index = index;
        this.enabled = config.search().engine() == BroadsheetConfig.Search.Engine.OPENSEARCH;
        this.pollInterval = config.search().opensearch().pollInterval();
    }

    void start(@Observes StartupEvent started) throws SQLException {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // from now on every write of an article is queued
            statement.execute("insert into search_index (id) values (true) on conflict do nothing");
        }
        running = true;
        worker = new Thread(this::run, "search-indexer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(10_000);
        }
    }

    /**
     * Asks for a new index filled from every article; the alias moves to it when it is complete. A rebuild already
     * asked for or under way is that one.
     */
    void requestRebuild() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update search_index set rebuild_requested_at = now() where rebuild_requested_at is null");
        } catch (SQLException e) {
            throw new IllegalStateException("Requesting a search index rebuild failed", e);
        }
    }

    /** The index's state as the database knows it. */
    SearchIndexStatus.Rebuild rebuild() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select rebuild_index, rebuild_copied, rebuild_requested_at,"
                     + " (select count(*) from article) from search_index where rebuild_requested_at is not null")) {
            if (!row.next()) {
                return null;
            }
            return new SearchIndexStatus.Rebuild(row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant(), row.getLong(4));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the search index's state failed", e);
        }
    }

    private void run() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                boolean more = step();
                backoff = pollInterval;
                if (more) {
                    continue;
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Search index update failed; changes stay queued and are written when OpenSearch answers: %s", e.getMessage());
                markUnavailable(e);
                backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff.multipliedBy(2);
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One batch of queued changes and one chunk of a rebuild; whether there is more to do at once. */
    boolean step() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lock(connection)) {
                    connection.rollback();
                    return false;
                }
                boolean more = indexStep(connection);
                connection.commit();
                return more;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private boolean indexStep(Connection connection) throws Exception {
        State state = state(connection);
        Optional<String> live = index.liveIndex();
        String rebuilding = state.rebuildIndex();
        if (rebuilding == null && (live.isEmpty() || state.rebuildRequested() || builtWithAnotherMapping(live.get()))) {
            rebuilding = index.createIndex();
            update(connection, "update search_index set rebuild_index = ?, rebuild_after = null, rebuild_copied = 0,"
                    + " rebuild_requested_at = coalesce(rebuild_requested_at, now())", rebuilding);
            LOG.infof("Building search index %s from every article", rebuilding);
        }
        List<String> targets = new ArrayList<>(2);
        live.ifPresent(targets::add);
        if (rebuilding != null) {
            targets.add(rebuilding);
        }

        List<Long> positions = new ArrayList<>();
        Set<UUID> queued = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select position, article_id from search_queue order by position limit " + BATCH);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                positions.add(row.getLong(1));
                queued.add(row.getObject(2, UUID.class));
            }
        }
        if (!queued.isEmpty()) {
            List<Map<String, Object>> documents = ArticleDocuments.of(connection, queued);
            Set<UUID> removed = new HashSet<>(queued);
            documents.forEach(document -> removed.remove(ArticleDocuments.id(document)));
            // searchable at once when caught up; a backlog's batches become so within the index's refresh interval (1 s)
            index.write(targets, documents, removed, positions.size() < BATCH)
                    .forEach(refusal -> LOG.errorf("The search index refused an article, which searches will not find until it is written again: %s", refusal));
            try (PreparedStatement delete = connection.prepareStatement("delete from search_queue where position = any(?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", positions.toArray()));
                delete.executeUpdate();
            }
            searchedContentChanged(connection);
        }
        boolean more = positions.size() == BATCH;

        if (rebuilding != null) {
            List<Map<String, Object>> chunk = ArticleDocuments.after(connection, state.rebuildAfter(), REBUILD_CHUNK);
            index.write(List.of(rebuilding), chunk, List.of(), false)
                    .forEach(refusal -> LOG.errorf("The new search index refused an article, which searches will not find until it is written again: %s", refusal));
            if (chunk.size() < REBUILD_CHUNK) {
                index.open(rebuilding, live);
                searchedContentChanged(connection);
                update(connection, "update search_index set rebuild_index = null, rebuild_after = null, rebuild_copied = 0,"
                        + " rebuild_requested_at = null");
                LOG.infof("Search index %s is complete and searched from now on", rebuilding);
            } else {
                update(connection, "update search_index set rebuild_after = ?, rebuild_copied = rebuild_copied + " + chunk.size(),
                        ArticleDocuments.id(chunk.get(chunk.size() - 1)));
                more = true;
            }
        }
        if (!more && state.unavailableSince()) {
            update(connection, "update search_index set unavailable_since = null, unavailable_reason = null");
            LOG.info("Search index caught up with every queued change: searches answer again");
        }
        return more;
    }

    /**
     * Search answers change now that the index has the changes, later than the writes that made them: cached answers
     * (made under the content version of the writes, from the index before it had them) are dropped on every instance,
     * as a write drops them (V8__content_change_notifications.sql).
     */
    private static void searchedContentChanged(Connection connection) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement("""
                with bumped as (update content_version set version = version + 1 where id = 1 returning version)
                select pg_notify('broadsheet_content', version::text) from bumped""")) {
            bump.execute();
        }
    }

    private record State(String rebuildIndex, UUID rebuildAfter, boolean rebuildRequested, boolean unavailableSince) {
    }

    /** Asks the cluster once per live index in this instance's life. */
    private boolean builtWithAnotherMapping(String live) throws IOException {
        if (live.equals(liveIndexChecked)) {
            return false;
        }
        if (index.hasCurrentMapping(live)) {
            liveIndexChecked = live;
            return false;
        }
        LOG.infof("Search index %s was built with another mapping: rebuilding it; searches read it until then", live);
        return true;
    }

    private static State state(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select rebuild_index, rebuild_after, rebuild_requested_at is not null, unavailable_since is not null from search_index for update");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("search_index has no row: the indexer was not started");
            }
            return new State(row.getString(1), row.getObject(2, UUID.class), row.getBoolean(3), row.getBoolean(4));
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, INDEXER_LOCK);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    /** Searches answer 503 on every instance from now until the queue is empty again. */
    private void markUnavailable(Exception cause) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update search_index set unavailable_since = coalesce(unavailable_since, now()),"
                     + " unavailable_reason = left(?, 2000)")) {
            update.setString(1, String.valueOf(cause.getMessage()));
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Could not record that search is unavailable: %s", e.getMessage());
        }
    }
}

package news.broadsheet.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/**
 * Issue 19, finding 4: an OutOfMemoryError in the change listener ended its thread for good, and the instance kept
 * serving from memory what other instances had long changed. Any death of the listener must stop serving from memory
 * until it follows the changes again.
 */
class ContentChangesTest {

    @Test
    void anErrorInTheListenerStopsServingFromMemoryUntilItFollowsAgain(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setDataDirectory(dataDir).start()) {
            try (Connection connection = database.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("create table content_version (id int primary key, version bigint not null)");
                statement.execute("insert into content_version values (1, 1)");
                statement.execute("create table article (status text, published_at timestamptz, created_at timestamptz)");
                statement.execute(Files.readString(Path.of("src/main/resources/db/migration/V11__article_visibility.sql")));
            }
            AtomicBoolean failNextRefresh = new AtomicBoolean();
            ContentVersion version = new ContentVersion(database.getPostgresDatabase()) {
                @Override
                String refresh(Connection connection) throws SQLException {
                    if (failNextRefresh.getAndSet(false)) {
                        throw new OutOfMemoryError("simulated: a heap too small for a moment");
                    }
                    return super.refresh(connection);
                }
            };
            ContentChanges changes = new ContentChanges(database.getPostgresDatabase(), version);
            changes.start(null);
            try {
                awaitTrue(() -> version.knownTag().isPresent(), "the listener follows the changes");

                failNextRefresh.set(true);
                try (Connection connection = database.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("notify " + ContentChanges.CHANNEL);
                }
                awaitTrue(() -> version.knownTag().isEmpty(), "after the Error, answers are no longer served from memory");
                awaitTrue(() -> version.knownTag().isPresent(), "the listener follows the changes again");
            } finally {
                changes.stop(null);
            }
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}

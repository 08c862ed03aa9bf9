package news.broadsheet.database;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Follows the database's {@code broadsheet_content} notifications (sent by a trigger as each write to articles or
 * sections commits, whichever instance made it) on one connection of its own, and refreshes the
 * {@link ContentVersion} as they arrive; so cached answers are dropped on every instance within the notification's
 * delivery time, milliseconds. While the connection is lost, the version is read from the database per request
 * instead, and the listener reconnects by itself.
 */
@ApplicationScoped
class ContentChanges {

    static final String CHANNEL = "broadsheet_content";
    static final String APPLICATION_NAME = "broadsheet-content-changes";
    private static final Logger LOG = Logger.getLogger(ContentChanges.class);
    private static final int WAIT_MILLIS = 500;
    /** Also reads the version now and then without a notification: the cheapest proof that the connection lives. */
    private static final long CHECK_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long RETRY_MILLIS = 1000;

    private final DataSource dataSource;
    private final ContentVersion contentVersion;
    /** Tells the service's other parts (webhooks' sender) that a change committed. */
    private final Consumer<ContentChanged> changed;
    private volatile boolean running;
    private Thread listener;

    @Inject
    ContentChanges(DataSource dataSource, ContentVersion contentVersion, Event<ContentChanged> changed) {
        this.dataSource = dataSource;
        this.contentVersion = contentVersion;
        this.changed = changed::fire;
    }

    /** Alone, with nobody to tell (tests of the listener itself). */
    ContentChanges(DataSource dataSource, ContentVersion contentVersion) {
        this.dataSource = dataSource;
        this.contentVersion = contentVersion;
        this.changed = nobody -> { };
    }

    void start(@Observes StartupEvent started) {
        running = true;
        listener = new Thread(this::listen, "content-changes");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        contentVersion.followingChanges(false);
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Whatever ends a connection, an Error included, stops serving from memory until a new connection follows again. */
    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    // named, so that an operator (or a test) tells the listener apart in pg_stat_activity
                    statement.execute("set application_name = '" + APPLICATION_NAME + "'; listen " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                contentVersion.refresh(connection);
                contentVersion.followingChanges(true);
                if (warned) {
                    LOG.info("Following content changes again; the response cache is back in use");
                    warned = false;
                }
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(WAIT_MILLIS);
                    boolean notified = arrived != null && arrived.length > 0;
                    if (notified || System.nanoTime() - checked > CHECK_NANOS) {
                        contentVersion.refresh(connection);
                        checked = System.nanoTime();
                    }
                    if (notified) {
                        changed.accept(new ContentChanged());
                    }
                }
            } catch (Throwable e) {
                contentVersion.followingChanges(false);
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.warnf("Lost the database's content-change notifications (%s); answers are not cached until they are back",
                            e.toString());
                    warned = true;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

package news.broadsheet.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.DatabaseUnavailable;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Removes events older than broadsheet.events.retention, with their webhook deliveries, by commit: everything up to
 * the newest expired commit's number, so the feed can tell a cursor that lost events (change_event_pruned).
 */
@ApplicationScoped
class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    private static final String PRUNE = """
            with cut as (select max(position) as through from change_commit where committed_at < now() - make_interval(secs => ?1)),
                 gone as (delete from change_commit where position <= (select through from cut) returning xid),
                 events as (delete from change_event where xid in (select xid from gone))
            update change_event_pruned set through = greatest(through, coalesce((select through from cut), 0)) where id = 1""";

    private final EntityManager entityManager;
    private final Duration retention;

    EventRetention(EntityManager entityManager, BroadsheetConfig config) {
        this.entityManager = entityManager;
        this.retention = config.events().retention();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(PRUNE)
                    .setParameter(1, (double) retention.toSeconds()).executeUpdate());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            LOG.debugf("Old events not removed, the database is unreachable: %s", e.getMessage());
        }
    }
}

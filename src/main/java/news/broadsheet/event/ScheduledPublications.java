package news.broadsheet.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.broadsheet.database.DatabaseUnavailable;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;

/**
 * Announces scheduled articles as their time comes: nothing is written at that moment, so no trigger sees it. Every
 * run takes the one scheduled_publication row (SKIP LOCKED: one instance at a time, the others skip their turn),
 * records article.published for each article whose time came since the last run and that nothing announced already
 * (a write made at or after its time found it public and said so), and moves the mark to the database's now. It
 * looks ten minutes before the mark too: a write that committed after a run had moved the mark past its time (a
 * "publish now" whose transaction took long, or whose service's clock ran ahead of the database's) is still found,
 * and the check for an announcement keeps it to one. After a stop, the first run announces everything that went live
 * meanwhile, each once.
 */
@ApplicationScoped
class ScheduledPublications {

    private static final Logger LOG = Logger.getLogger(ScheduledPublications.class);
    private static final String ANNOUNCE = """
            insert into change_event (type, subject_id, data)
            select 'article.published', a.id, jsonb_build_object('id', a.id, 'slug', a.slug, 'section', s.slug, 'publishedAt', a.published_at)
            from article a join section s on s.id = a.section_id
            where a.status = 'PUBLISHED' and coalesce(a.published_at, a.created_at) > ?::timestamptz - interval '10 minutes'
              and coalesce(a.published_at, a.created_at) <= now()
              and not exists (select 1 from change_event e
                              where e.type = 'article.published' and e.subject_id = a.id and e.occurred_at >= a.published_at)
            order by coalesce(a.published_at, a.created_at), a.id""";

    private final EntityManager entityManager;

    ScheduledPublications(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${broadsheet.events.scheduled-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1s")
    void announceDue() {
        try {
            QuarkusTransaction.requiringNew().run(this::announce);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            LOG.debugf("Scheduled publications not checked, the database is unreachable: %s", e.getMessage());
        }
    }

    private void announce() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            OffsetDateTime until;
            try (PreparedStatement mark = connection.prepareStatement("select until from scheduled_publication where id = 1 for update skip locked");
                 ResultSet row = mark.executeQuery()) {
                if (!row.next()) {
                    return; // another instance is at it
                }
                until = row.getObject(1, OffsetDateTime.class);
            }
            try (PreparedStatement announce = connection.prepareStatement(ANNOUNCE)) {
                announce.setObject(1, until);
                int announced = announce.executeUpdate();
                if (announced > 0) {
                    LOG.debugf("%d scheduled article(s) went live", announced);
                }
            }
            try (PreparedStatement move = connection.prepareStatement("update scheduled_publication set until = now() where id = 1")) {
                move.executeUpdate();
            }
        });
    }
}

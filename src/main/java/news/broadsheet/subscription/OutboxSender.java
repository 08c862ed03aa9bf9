package news.broadsheet.subscription;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.Clock;
import news.broadsheet.database.DatabaseUnavailable;
import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sends the outbox over SMTP. Each mail is claimed with FOR UPDATE SKIP LOCKED, so several instances share the work;
 * a failure is retried with exponential backoff (first retry after broadsheet.subscriptions.outbox.first-retry,
 * doubling, at most an hour apart) until max-attempts.
 */
@ApplicationScoped
class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'@,;:]+@([A-Za-z0-9.-]+)");

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final BroadsheetConfig.Subscriptions.Outbox config;

    OutboxSender(EntityManager entityManager, Mailer mailer, BroadsheetConfig config) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.config = config.subscriptions().outbox();
    }

    @Scheduled(every = "${broadsheet.subscriptions.outbox.interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void sendDue() {
        int sent;
        try {
            do {
                sent = QuarkusTransaction.requiringNew().call(this::sendBatch);
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            // the mails wait in the outbox; readiness already reports the outage, so one line, not a trace per tick
            LOG.debugf("Outbox not read, the database is unreachable: %s", e.getMessage());
        }
    }

    /** Sends what is due, one mail at a time; answers how many it claimed. */
    private int sendBatch() {
        List<OutboxMail> due = entityManager.createQuery(
                        "from OutboxMail m where m.sentAt is null and m.nextAttemptAt <= :now and m.attempts < :max order by m.nextAttemptAt",
                        OutboxMail.class)
                .setParameter("now", Clock.now())
                .setParameter("max", config.maxAttempts())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                .setMaxResults(BATCH)
                .getResultList();
        for (OutboxMail mail : due) {
            try {
                mailer.send(toMail(mail));
                mail.sentAt = Clock.now();
                mail.lastError = null;
            } catch (RuntimeException e) {
                mail.attempts++;
                Duration wait = config.firstRetry().multipliedBy(1L << Math.min(mail.attempts - 1, 20));
                mail.nextAttemptAt = Clock.now().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
                // an SMTP server's error may quote the recipient: keep addresses out of logs and of the table
                mail.lastError = ADDRESS.matcher(e.getClass().getSimpleName() + ": " + e.getMessage()).replaceAll("***@$1");
                LOG.warnf("Mail %s not sent (attempt %d), retrying at %s: %s", mail.id, mail.attempts, mail.nextAttemptAt, mail.lastError);
            }
        }
        return due.size();
    }

    private static Mail toMail(OutboxMail mail) {
        Mail message = Mail.withText(mail.recipient, mail.subject, mail.textBody).setHtml(mail.htmlBody);
        if (mail.listUnsubscribe != null) {
            message.addHeader("List-Unsubscribe", "<" + mail.listUnsubscribe + ">");
            message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}

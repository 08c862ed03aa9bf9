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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sends the outbox over SMTP, one mail at a time, each in three steps: a short transaction claims it (FOR UPDATE SKIP
 * LOCKED, so several instances share the work; the attempt is counted and the mail leased for {@link #LEASE}), the
 * send runs outside any transaction with quarkus.mailer.timeout as its limit, and a second short transaction records
 * the result. A slow server therefore never rolls back a delivery and resends it: a mail goes out again only when the
 * server refused it, the send timed out, or an instance died between sending and recording. Failures are retried
 * with exponential backoff (first retry after broadsheet.subscriptions.outbox.first-retry, doubling, at most an hour
 * apart) until max-attempts.
 */
@ApplicationScoped
class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    /** Mails one run sends at most, so a long queue still lets the scheduler's other work in. */
    private static final int RUN = 100;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'@,;:]+@([A-Za-z0-9.-]+)");

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final BroadsheetConfig.Subscriptions.Outbox config;
    /** How long a claimed mail is left to its sender before another may try it: the send's own limit, and a margin. */
    private final Duration lease;

    OutboxSender(EntityManager entityManager, Mailer mailer, BroadsheetConfig config,
                 @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s") Duration sendTimeout) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.config = config.subscriptions().outbox();
        this.lease = sendTimeout.plusMinutes(1);
    }

    @Scheduled(every = "${broadsheet.subscriptions.outbox.interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void sendDue() {
        try {
            OutboxMail mail;
            for (int sent = 0; sent < RUN && (mail = QuarkusTransaction.requiringNew().call(this::claimNext)) != null; sent++) {
                RuntimeException failure = send(mail);
                UUID claimed = mail.id;
                QuarkusTransaction.requiringNew().run(() -> record(claimed, failure));
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            // the mails wait in the outbox; readiness already reports the outage, so one line, not a trace per tick
            LOG.debugf("Outbox not read, the database is unreachable: %s", e.getMessage());
        }
    }

    /** The next due mail, its attempt counted and its lease taken; null when none is due. */
    private OutboxMail claimNext() {
        List<OutboxMail> due = entityManager.createQuery(
                        "from OutboxMail m where m.sentAt is null and m.nextAttemptAt <= :now and m.attempts < :max order by m.nextAttemptAt",
                        OutboxMail.class)
                .setParameter("now", Clock.now())
                .setParameter("max", config.maxAttempts())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                .setMaxResults(1)
                .getResultList();
        if (due.isEmpty()) {
            return null;
        }
        OutboxMail mail = due.get(0);
        mail.attempts++;
        mail.nextAttemptAt = Clock.now().plus(lease);
        return mail;
    }

    private RuntimeException send(OutboxMail mail) {
        try {
            mailer.send(toMail(mail));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void record(UUID id, RuntimeException failure) {
        OutboxMail mail = entityManager.find(OutboxMail.class, id);
        if (mail == null) {
            return; // the subscriber was erased meanwhile, and the mail with it
        }
        if (failure == null) {
            mail.sentAt = Clock.now();
            mail.lastError = null;
            return;
        }
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(mail.attempts - 1, 20));
        mail.nextAttemptAt = Clock.now().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        // an SMTP server's error may quote the recipient: keep addresses out of logs and of the table
        mail.lastError = ADDRESS.matcher(failure.getClass().getSimpleName() + ": " + failure.getMessage()).replaceAll("***@$1");
        LOG.warnf("Mail %s not sent (attempt %d), retrying at %s: %s", mail.id, mail.attempts, mail.nextAttemptAt, mail.lastError);
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

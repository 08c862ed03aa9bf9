package news.broadsheet.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.Clock;
import news.broadsheet.database.ContentChanged;
import news.broadsheet.database.DatabaseUnavailable;
import news.broadsheet.event.ChangeEvent;
import news.broadsheet.event.ChangeEvents;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Semaphore;

/**
 * Sends the webhooks' outbox, by the Standard Webhooks specification, in three steps like the mail outbox: a short
 * transaction claims due deliveries (FOR UPDATE SKIP LOCKED, so instances share the work and each delivery goes out
 * once at a time; the attempt is counted and the delivery leased for the attempt's time limit and a margin), the
 * attempts run in parallel outside any transaction, and a second transaction records each outcome. A failure is retried
 * after broadsheet.webhooks.retry-delays (with jitter, so a recovering receiver is not hit by every retry at once) until
 * retry-for has passed; a webhook whose deliveries all failed for disable-after is disabled.
 * <p>
 * It runs every interval, and at once when a content change commits (the database's change notification), so a
 * delivery usually leaves within milliseconds of its commit. Each attempt connects to the address {@link TargetAddresses}
 * checked, never to a second lookup's answer; it follows no redirect, and reads at most {@link #ANSWER_KEPT} bytes of
 * the answer.
 */
@ApplicationScoped
class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int ANSWER_KEPT = 200;
    private static final String USER_AGENT = "Broadsheet-Webhooks/1.0 (+https://www.standardwebhooks.com/)";
    private static final String CLAIM = """
            with due as (
                select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id
                where d.status = 'PENDING' and d.next_attempt_at <= now() and w.enabled
                order by d.next_attempt_at
                limit ?
                for update of d skip locked)
            update webhook_delivery d set attempts = d.attempts + 1, last_attempt_at = now(),
                   next_attempt_at = now() + make_interval(secs => ?)
            from due where d.id = due.id
            returning d.id, d.webhook_id, d.event_id, d.attempts, d.retrying_since""";

    /** A claimed attempt, ready to go. */
    private record Attempt(UUID delivery, UUID webhook, int number, Instant retryingSince, URI target, String messageId, String body,
                           List<String> secrets, boolean toHub) {
    }

    /** What an attempt got: a status code (2xx: delivered), or only an error. */
    private record Outcome(Attempt attempt, Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final EntityManager entityManager;
    private final ChangeEvents events;
    private final WebhookService webhooks;
    private final TargetAddresses targets;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final WebSubHub hub;
    private final BroadsheetConfig.Webhooks config;
    private final Duration interval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private HttpClient client;
    private Thread loop;

    WebhookSender(EntityManager entityManager, ChangeEvents events, WebhookService webhooks, TargetAddresses targets, ObjectMapper json,
                  Vertx vertx, WebSubHub hub, BroadsheetConfig config) {
        this.hub = hub;
        this.entityManager = entityManager;
        this.events = events;
        this.webhooks = webhooks;
        this.targets = targets;
        this.json = json;
        this.vertx = vertx;
        this.config = config.webhooks();
        this.interval = io.quarkus.runtime.configuration.DurationConverter.parseDuration(this.config.interval());
    }

    void start(@Observes StartupEvent started) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setMaxPoolSize(config.batch())
                .setForceSni(true)
                .setVerifyHost(true));
        running = true;
        loop = new Thread(this::run, "webhook-sender");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        if (client != null) {
            client.close();
        }
    }

    /** A change committed: its deliveries may be due now. */
    void changed(@Observes ContentChanged changed) {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                sendDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // whatever happens, the sender lives on: the deliveries wait in the outbox for the next turn
                if (e instanceof RuntimeException && DatabaseUnavailable.causedBy(e)) {
                    LOG.debugf("Webhook outbox not read, the database is unreachable: %s", e.getMessage());
                } else {
                    LOG.error("Sending webhooks failed; trying again at the next turn", e);
                }
            }
        }
    }

    /** Sends every due delivery, a batch at a time. */
    void sendDue() throws InterruptedException {
        List<Attempt> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::claim);
            if (batch.isEmpty()) {
                return;
            }
            List<Outcome> outcomes = sendAll(batch);
            QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(this::record));
        } while (batch.size() == config.batch() && running);
    }

    private List<Attempt> claim() {
        Duration lease = config.timeout().plusSeconds(30);
        record Claimed(UUID delivery, UUID webhook, long eventRow, int number, Instant retryingSince) {
        }
        List<Claimed> claimed = session().doReturningWork(connection -> {
            List<Claimed> rows = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setInt(1, config.batch());
                claim.setDouble(2, lease.toMillis() / 1000.0);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Claimed(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getLong(3), row.getInt(4),
                                row.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return rows;
        });
        Instant now = Clock.now();
        Map<UUID, Webhook> byId = new HashMap<>();
        Map<Long, ChangeEvent> claimedEvents = events.byIds(claimed.stream().map(Claimed::eventRow).distinct().toList());
        List<Attempt> attempts = new ArrayList<>();
        for (Claimed one : claimed) {
            Webhook webhook = byId.computeIfAbsent(one.webhook(), id -> Webhook.<Webhook>findById(id));
            ChangeEvent event = claimedEvents.get(one.eventRow());
            boolean toHub = Webhook.WEBSUB.equals(webhook.kind);
            attempts.add(new Attempt(one.delivery(), one.webhook(), one.number(), one.retryingSince(), URI.create(webhook.url), event.id(),
                    toHub ? hub.notification(event) : body(event), webhooks.signingSecrets(webhook, now), toHub));
        }
        return attempts;
    }

    private String body(ChangeEvent event) {
        try {
            return json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Outcome> sendAll(List<Attempt> batch) throws InterruptedException {
        List<CompletableFuture<Outcome>> sending = batch.stream().map(this::send).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                outcomes.add(sending.get(i).get(config.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS));
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                outcomes.add(new Outcome(batch.get(i), null, "No answer within " + config.timeout().toSeconds() + " s"));
            }
        }
        return outcomes;
    }

    private CompletableFuture<Outcome> send(Attempt attempt) {
        InetAddress address;
        try {
            // the hub is the operator's own setting: no address policy for it
            address = attempt.toHub() ? TargetAddresses.anyAddress(attempt.target()) : targets.resolve(attempt.target());
        } catch (TargetAddresses.Refused refused) {
            return CompletableFuture.completedFuture(new Outcome(attempt, null, "Not sent: the URL " + refused.getMessage()));
        }
        long timestamp = Instant.now().getEpochSecond();
        String signatures;
        try {
            List<String> signed = new ArrayList<>();
            for (String secret : attempt.secrets()) {
                signed.add(new com.standardwebhooks.Webhook(secret).sign(attempt.messageId(), timestamp, attempt.body()));
            }
            signatures = String.join(" ", signed);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("A webhook secret does not sign", e);
        }
        URI target = attempt.target();
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(target.toString())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .setTimeout(config.timeout().toMillis())
                .putHeader("user-agent", USER_AGENT);
        if (attempt.toHub()) {
            request.putHeader("content-type", "application/x-www-form-urlencoded");
        } else {
            request.putHeader("content-type", "application/json")
                    .putHeader("webhook-id", attempt.messageId())
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", signatures);
        }
        Promise<Outcome> outcome = Promise.promise();
        long deadline = vertx.setTimer(config.timeout().toMillis(), id -> outcome.tryComplete(
                new Outcome(attempt, null, "No answer within " + config.timeout().toSeconds() + " s")));
        client.request(request)
                .compose(sent -> sent.send(Buffer.buffer(attempt.body().getBytes(StandardCharsets.UTF_8)))
                        .compose(answer -> readStart(sent, answer)))
                .onComplete(done -> {
                    vertx.cancelTimer(deadline);
                    outcome.tryComplete(done.succeeded() ? new Outcome(attempt, done.result().statusCode, done.result().excerpt)
                            : new Outcome(attempt, null, oneLine(done.cause().getClass().getSimpleName() + ": " + done.cause().getMessage())));
                });
        return outcome.future().toCompletionStage().toCompletableFuture();
    }

    private record Answer(int statusCode, String excerpt) {
    }

    /** The status, and for a failure the start of the body: the rest is not read (the connection is reset). */
    private static Future<Answer> readStart(HttpClientRequest sent, HttpClientResponse answer) {
        Promise<Answer> read = Promise.promise();
        Buffer start = Buffer.buffer();
        int status = answer.statusCode();
        answer.handler(chunk -> {
            if (start.length() < ANSWER_KEPT) {
                start.appendBuffer(chunk, 0, Math.min(chunk.length(), ANSWER_KEPT - start.length()));
            }
            if (start.length() >= ANSWER_KEPT && read.tryComplete(new Answer(status, excerpt(status, start)))) {
                sent.reset();
            }
        });
        answer.endHandler(end -> read.tryComplete(new Answer(status, excerpt(status, start))));
        answer.exceptionHandler(failure -> read.tryComplete(new Answer(status, excerpt(status, start))));
        return read.future();
    }

    private static String excerpt(int status, Buffer start) {
        if (status >= 200 && status < 300) {
            return null;
        }
        String body = oneLine(start.toString(StandardCharsets.UTF_8));
        return "HTTP " + status + (body.isEmpty() ? "" : ": " + body);
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() > ANSWER_KEPT ? line.substring(0, ANSWER_KEPT) : line;
    }

    private static final String DELIVERED = """
            update webhook_delivery set status = 'DELIVERED', delivered_at = now(), next_attempt_at = null, last_status_code = ?,
                   last_error = null
            where id = ? and attempts = ?;
            update webhook set failing_since = null where id = ? and failing_since is not null""";
    private static final String FAILED = """
            update webhook_delivery set status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?
            where id = ? and attempts = ?;
            update webhook set failing_since = coalesce(failing_since, now()) where id = ?""";
    private static final String DISABLED = """
            update webhook set enabled = false, updated_at = now(),
                   disabled_reason = 'Disabled on ' || to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                       || ': every delivery failed since ' || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                       || '; the last: ' || ?
            where id = ? and enabled and failing_since < now() - make_interval(secs => ?)""";

    /** Writes an attempt's outcome, unless the delivery was claimed again meanwhile (its lease ran out: the later attempt's counts). */
    private void record(Outcome outcome) {
        Attempt attempt = outcome.attempt();
        session().doWork(connection -> {
            if (outcome.delivered()) {
                try (PreparedStatement delivered = connection.prepareStatement(DELIVERED)) {
                    delivered.setInt(1, outcome.statusCode());
                    delivered.setObject(2, attempt.delivery());
                    delivered.setInt(3, attempt.number());
                    delivered.setObject(4, attempt.webhook());
                    delivered.execute();
                }
                return;
            }
            Instant next = Clock.now().plus(delayAfter(attempt.number()));
            boolean givingUp = next.isAfter(attempt.retryingSince().plus(config.retryFor()));
            try (PreparedStatement failed = connection.prepareStatement(FAILED)) {
                failed.setString(1, (givingUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING).name());
                failed.setObject(2, givingUp ? null : next.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                failed.setObject(3, outcome.statusCode(), Types.INTEGER);
                failed.setString(4, outcome.error());
                failed.setObject(5, attempt.delivery());
                failed.setInt(6, attempt.number());
                failed.setObject(7, attempt.webhook());
                failed.execute();
            }
            try (PreparedStatement disable = connection.prepareStatement(DISABLED)) {
                disable.setString(1, outcome.error());
                disable.setObject(2, attempt.webhook());
                disable.setDouble(3, config.disableAfter().toSeconds());
                if (disable.executeUpdate() > 0) {
                    LOG.warnf("Webhook %s disabled: every delivery failed for %s; the last: %s", attempt.webhook(), config.disableAfter(),
                            outcome.error());
                    return;
                }
            }
            LOG.debugf("Delivery %s failed (attempt %d)%s: %s", attempt.delivery(), attempt.number(), givingUp ? ", giving up" : "",
                    outcome.error());
        });
    }

    /** The wait after the n-th failed attempt, with up to 20% jitter either way. */
    private Duration delayAfter(int attempts) {
        List<Duration> delays = config.retryDelays();
        Duration base = delays.get(Math.min(attempts, delays.size()) - 1);
        double jitter = 1 + ThreadLocalRandom.current().nextDouble(-0.2, 0.2);
        return Duration.ofMillis(Math.round(base.toMillis() * jitter));
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}

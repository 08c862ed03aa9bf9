package news.broadsheet.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.broadsheet.event.ChangeEvent;
import news.broadsheet.event.EventType;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.problem.NotFound;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The delivery log of a webhook, and redelivery on demand. */
@ApplicationScoped
public class WebhookDeliveries {

    static final String SORT = "deliveries";
    private static final String VIEW = """
            select d.id, e.type, e.id, d.status, d.attempts, d.last_status_code, d.last_error, d.last_attempt_at,
                   d.next_attempt_at, d.delivered_at, d.created_at
            from webhook_delivery d join change_event e on e.id = d.event_id
            """;

    private final EntityManager entityManager;
    private final WebhookService webhooks;

    WebhookDeliveries(EntityManager entityManager, WebhookService webhooks) {
        this.entityManager = entityManager;
        this.webhooks = webhooks;
    }

    /** The webhook's deliveries, newest first, keyset-paged; {@code status} narrows them when given. */
    @Transactional
    public Page<DeliveryView> list(UUID webhookId, DeliveryStatus status, Cursor after, int limit) {
        webhooks.find(webhookId, false);
        List<DeliveryView> page = session().doReturningWork(connection -> {
            String sql = VIEW + "where d.webhook_id = ? and (?::text is null or d.status = ?)"
                    + (after == null ? "" : " and (d.created_at, d.id) < (?, ?)") + " order by d.created_at desc, d.id desc limit ?";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 1;
                query.setObject(i++, webhookId);
                query.setString(i++, status == null ? null : status.name());
                query.setString(i++, status == null ? null : status.name());
                if (after != null) {
                    query.setObject(i++, after.time().atOffset(ZoneOffset.UTC));
                    query.setObject(i++, after.id());
                }
                query.setInt(i, limit + 1);
                return read(query);
            }
        });
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            DeliveryView last = page.get(limit - 1);
            next = Cursor.after(SORT, last.createdAt(), last.id()).encode();
        }
        return new Page<>(List.copyOf(page), next, null);
    }

    /**
     * Sends the delivery again as soon as the sender runs, with the same webhook-id (receivers deduplicate on it), and
     * retries it for retry-for from now; also a delivered or failed one, also while the webhook is disabled (then it
     * waits until the webhook is enabled).
     */
    @Transactional
    public DeliveryView redeliver(UUID webhookId, UUID deliveryId) {
        webhooks.find(webhookId, false);
        int updated = entityManager.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = now(), retrying_since = now(), delivered_at = null
                        where id = ?1 and webhook_id = ?2""")
                .setParameter(1, deliveryId).setParameter(2, webhookId).executeUpdate();
        if (updated == 0) {
            throw new NotFound("delivery of this webhook", deliveryId.toString());
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(VIEW + "where d.id = ?")) {
                query.setObject(1, deliveryId);
                return read(query).get(0);
            }
        });
    }

    private static List<DeliveryView> read(PreparedStatement query) throws SQLException {
        List<DeliveryView> deliveries = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                deliveries.add(new DeliveryView(row.getObject(1, UUID.class), EventType.of(row.getString(2)), ChangeEvent.ID_PREFIX + row.getLong(3),
                        DeliveryStatus.valueOf(row.getString(4)), row.getInt(5), row.getObject(6, Integer.class), row.getString(7),
                        instant(row, 8), instant(row, 9), instant(row, 10), instant(row, 11)));
            }
        }
        return deliveries;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}

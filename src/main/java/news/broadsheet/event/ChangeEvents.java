package news.broadsheet.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.broadsheet.site.SiteAddresses;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the events the database's triggers record (V21__change_events_and_webhooks.sql), in commit order, and
 * completes them with the public page to revalidate, from the configured site.
 */
@ApplicationScoped
public class ChangeEvents {

    private static final String COLUMNS = "select e.position, e.type, e.occurred_at, e.data::text from change_event e ";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final SiteAddresses site;

    ChangeEvents(EntityManager entityManager, ObjectMapper json, SiteAddresses site) {
        this.entityManager = entityManager;
        this.json = json;
        this.site = site;
    }

    /** The events after {@code position}, oldest first: only committed ones, numbered as they committed. */
    public List<ChangeEvent> after(long position, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(COLUMNS + "where e.position > ? order by e.position limit ?")) {
                query.setLong(1, position);
                query.setInt(2, limit);
                return read(query);
            }
        });
    }

    /** The highest position removed after the retention period: events up to it are gone. */
    public long prunedThrough() {
        return ((Number) entityManager.createNativeQuery("select through from change_event_pruned where id = 1").getSingleResult()).longValue();
    }

    /** The event recorded with this row id, once it has committed. */
    public Optional<ChangeEvent> byRowId(long rowId) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(COLUMNS + "where e.id = ? and e.position is not null")) {
                query.setLong(1, rowId);
                return read(query).stream().findFirst();
            }
        });
    }

    private List<ChangeEvent> read(PreparedStatement query) throws SQLException {
        List<ChangeEvent> events = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                EventType type = EventType.of(rows.getString(2));
                EventData data = withPage(type, parse(rows.getString(4)));
                events.add(new ChangeEvent(ChangeEvent.ID_PREFIX + rows.getLong(1), type,
                        rows.getObject(3, OffsetDateTime.class).toInstant(), data));
            }
        }
        return events;
    }

    private EventData parse(String data) {
        try {
            return json.readValue(data, EventData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data is not what the triggers write", e);
        }
    }

    private EventData withPage(EventType type, EventData data) {
        return switch (type) {
            case ARTICLE_PUBLISHED, ARTICLE_UPDATED, ARTICLE_UNPUBLISHED, ARTICLE_DELETED -> data.withUrl(site.article(data.section(), data.slug()));
            case SECTION_CHANGED -> data.withUrl(site.section(data.slug()));
            case AUTHOR_CHANGED -> data.withUrl(site.author(data.slug()));
            case COLLECTION_CHANGED -> data;
        };
    }
}

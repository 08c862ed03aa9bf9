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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the events the database's triggers record (V21__change_events_and_webhooks.sql), in commit order, and
 * completes them with the public page to revalidate, from the configured site.
 */
@ApplicationScoped
public class ChangeEvents {

    private static final String COLUMNS = """
            select c.position, e.id, e.type, e.occurred_at, e.data::text
            from change_commit c join change_event e on e.xid = c.xid
            """;

    /** A place in the feed: the commit's number, and the event's id within the commit. */
    public record Position(long commit, long event) {
        public static final Position START = new Position(0, 0);

        public String cursor() {
            return commit + "." + event;
        }
    }

    /** An event and its place in the feed. */
    public record Placed(ChangeEvent event, Position position) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final SiteAddresses site;

    ChangeEvents(EntityManager entityManager, ObjectMapper json, SiteAddresses site) {
        this.entityManager = entityManager;
        this.json = json;
        this.site = site;
    }

    /** The events after {@code position}, in the order their transactions committed: only committed ones. */
    public List<Placed> after(Position position, int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(COLUMNS
                    + "where c.position >= ? and (c.position > ? or e.id > ?) order by c.position, e.id limit ?")) {
                query.setLong(1, position.commit());
                query.setLong(2, position.commit());
                query.setLong(3, position.event());
                query.setInt(4, limit);
                return read(query);
            }
        });
    }

    /** The highest commit number removed after the retention period: events up to it are gone. */
    public long prunedThrough() {
        return ((Number) entityManager.createNativeQuery("select through from change_event_pruned where id = 1").getSingleResult()).longValue();
    }

    /** The events with these ids whose transactions have committed, by id: a batch of deliveries in one query. */
    public Map<Long, ChangeEvent> byIds(Collection<Long> ids) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(COLUMNS + "where e.id = any (?)")) {
                query.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                Map<Long, ChangeEvent> events = new HashMap<>();
                read(query).forEach(placed -> events.put(placed.position().event(), placed.event()));
                return events;
            }
        });
    }

    private List<Placed> read(PreparedStatement query) throws SQLException {
        List<Placed> events = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                EventType type = EventType.of(rows.getString(3));
                EventData data = withPage(type, parse(rows.getString(5)));
                events.add(new Placed(new ChangeEvent(ChangeEvent.ID_PREFIX + rows.getLong(2), type,
                        rows.getObject(4, OffsetDateTime.class).toInstant(), data), new Position(rows.getLong(1), rows.getLong(2))));
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
            case COLLECTION_CHANGED, MEDIA_CHANGED -> data;
        };
    }
}

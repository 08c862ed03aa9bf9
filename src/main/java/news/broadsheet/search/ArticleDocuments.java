package news.broadsheet.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Articles as the search index holds them: what ranks, highlights and filters a search, read from the database as they are now. */
final class ArticleDocuments {

    private static final String COLUMNS = """
            select a.id, a.title, a.subtitle, a.summary, a.body, a.section_id, a.tags, a.author_ids, a.featured, a.status,
                   a.published_at, coalesce(a.published_at, a.created_at) as sort_time, a.updated_at
            from article a""";

    private ArticleDocuments() {
    }

    /** The documents of those of these articles that exist. */
    static List<Map<String, Object>> of(Connection connection, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(COLUMNS + " where a.id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return read(query);
        }
    }

    /** The next articles in id order after {@code after} (from the first when null), for a rebuild. */
    static List<Map<String, Object>> after(Connection connection, UUID after, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(COLUMNS + " where a.id > ? order by a.id limit ?")) {
            query.setObject(1, after == null ? new UUID(0, 0) : after); // the least in PostgreSQL's order (unsigned bytes)
            query.setInt(2, limit);
            return read(query);
        }
    }

    private static List<Map<String, Object>> read(PreparedStatement query) throws SQLException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("id", row.getString("id"));
                document.put("title", row.getString("title"));
                document.put("subtitle", row.getString("subtitle"));
                document.put("summary", row.getString("summary"));
                document.put("body", row.getString("body"));
                document.put("section_id", row.getString("section_id"));
                document.put("tags", strings(row.getArray("tags")));
                document.put("author_ids", strings(row.getArray("author_ids")));
                document.put("featured", row.getBoolean("featured"));
                document.put("status", row.getString("status"));
                document.put("published_at", time(row.getTimestamp("published_at")));
                document.put("sort_time", time(row.getTimestamp("sort_time")));
                document.put("updated_at", time(row.getTimestamp("updated_at")));
                documents.add(document);
            }
        }
        return documents;
    }

    static UUID id(Map<String, Object> document) {
        return UUID.fromString((String) document.get("id"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static String time(Timestamp time) {
        return time == null ? null : time.toInstant().toString();
    }
}

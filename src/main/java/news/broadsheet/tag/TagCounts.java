package news.broadsheet.tag;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

@ApplicationScoped
class TagCounts {

    /** Tags of what the public sees, most used first. */
    private static final String TAGS_IN_USE = """
            select tag, count(*) from article a cross join unnest(a.tags) as tag
            where article_is_public(a)
            group by tag order by count(*) desc, tag""";

    private final DataSource dataSource;

    TagCounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<TagCount> inUse() {
        List<TagCount> tags = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(TAGS_IN_USE);
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                tags.add(new TagCount(row.getString(1), row.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting tags failed", e);
        }
        return tags;
    }
}

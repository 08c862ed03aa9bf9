package news.broadsheet.web;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The state of the public content in one cheap query: the version every committed write bumps (a trigger, so all
 * instances agree), and the latest publication time that has come, which moves when a scheduled article goes live.
 */
@ApplicationScoped
public class ContentVersion {

    private static final String CURRENT = """
            select v.version, (select coalesce(a.published_at, a.created_at) from article a
                               where a.status = 'PUBLISHED' and coalesce(a.published_at, a.created_at) <= now()
                               order by coalesce(a.published_at, a.created_at) desc limit 1)
            from content_version v where v.id = 1""";

    private final DataSource dataSource;

    ContentVersion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String current() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(CURRENT);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1) + "/" + row.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the content version failed", e);
        }
    }
}

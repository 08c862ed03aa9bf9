package news.broadsheet.author;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V13-V15 on a database that holds articles with byline strings, written before the migration runs: the real
 * migrations, in a schema of their own, from the last version before authors were people.
 */
@QuarkusTest
class AuthorMigrationTest {

    private static final String SCHEMA = "byline_migration";

    @Inject
    Flyway flyway;

    @Inject
    DataSource dataSource;

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void bylineStringsBecomeAuthorsInOrderAndNoArticleIsLost() throws Exception {
        migrate("12");
        UUID section = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "insert into " + SCHEMA + ".section (id, slug, name, created_at, updated_at) values ('" + section
                    + "', 'world', 'World', now(), now())");
            article(connection, section, "first", "{\"Hanna Łukasik\",\"Oleh Bondar\"}", 1);
            article(connection, section, "second", "{\"Oleh Bondar\",\"hanna łukasik\",\"Hanna Łukasik\"}", 2);
            article(connection, section, "third", "{}", 3);
            article(connection, section, "fourth", "{\"???\",\"Straße Müller\"}", 4);
        }

        migrate(null);

        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of("author|???", "hanna-lukasik|Hanna Łukasik", "oleh-bondar|Oleh Bondar", "strasse-muller|Straße Müller"),
                    strings(connection, "select slug || '|' || name from " + SCHEMA + ".author order by slug"));
            assertEquals(List.of("first|hanna-lukasik,oleh-bondar", "fourth|author,strasse-muller", "second|oleh-bondar,hanna-lukasik",
                            "third|"),
                    strings(connection, """
                            select a.slug || '|' || coalesce((select string_agg(au.slug, ',' order by c.n)
                                from unnest(a.author_ids) with ordinality c(id, n) join %1$s.author au on au.id = c.id), '')
                            from %1$s.article a order by a.slug""".formatted(SCHEMA)));
            assertEquals(List.of("0"), strings(connection, "select count(*) from information_schema.columns where table_schema = '"
                    + SCHEMA + "' and table_name = 'article' and column_name = 'authors'"));
        }
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().configuration(flyway.getConfiguration()).schemas(SCHEMA).defaultSchema(SCHEMA)
                .createSchemas(true);
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static void article(Connection connection, UUID section, String slug, String authors, int hoursAgo) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + SCHEMA + ".article (id, slug, title, body, body_html, "
                + "section_id, authors, status, published_at, created_at, updated_at, word_count, reading_time_minutes) "
                + "values (?, ?, ?, '', '', ?, ?::text[], 'PUBLISHED', now() - make_interval(hours => ?), "
                + "now() - make_interval(hours => ?), now(), 0, 0)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, slug);
            insert.setString(3, "Story " + slug);
            insert.setObject(4, section);
            insert.setString(5, authors);
            insert.setInt(6, hoursAgo);
            insert.setInt(7, hoursAgo);
            insert.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

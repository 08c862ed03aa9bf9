package news.broadsheet.feed;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.author.Bylines;
import news.broadsheet.database.SqlArrays;
import news.broadsheet.media.MediaAddresses;
import news.broadsheet.section.SectionTree;
import news.broadsheet.section.UnknownSection;
import news.broadsheet.web.Xml;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The latest published articles for feeds, in full, optionally of one section and its children. */
@ApplicationScoped
class FeedEntries {

    static final int SIZE = 50;
    /**
     * Longer bodies are left out of feeds (their entries link to the article): a feed stays under a few megabytes
     * whatever its articles hold, so rendering it for many readers at once fits a small heap.
     */
    static final int LONGEST_BODY_CHARACTERS = 50_000;

    private static final String LATEST = """
            select a.id, a.slug, a.title, a.summary,
                   case when length(a.body_html) <= %d then a.body_html end, s.slug, s.name, a.tags, %s, a.hero_image_url,
                   a.published_at, coalesce(a.noted_at, a.published_at), m.mime_type, m.bytes, m.id, m.original
            from article a join section s on s.id = a.section_id left join media m on m.id = a.hero_image_media
            where article_is_public(a) %s %s
            order by coalesce(a.published_at, a.created_at) desc, a.id desc
            limit %d""";
    private static final String IN_SECTION = "and a.section_id in " + SectionTree.IDS_OF_SLUG_AND_CHILDREN;
    private static final String BY_AUTHOR = "and " + Bylines.CREDIT_THE_AUTHOR_OF_SLUG;

    private final DataSource dataSource;
    private final MediaAddresses media;

    FeedEntries(DataSource dataSource, MediaAddresses media) {
        this.dataSource = dataSource;
        this.media = media;
    }

    /** A media library image at its address now (broadsheet.media.url), another picture as given. */
    private String imageUrl(ResultSet row) throws SQLException {
        UUID image = row.getObject(15, UUID.class);
        return image == null ? row.getString(10) : media.url(image, row.getString(16));
    }

    /** The latest entries, and the names of the section and the author they are of (null for all). */
    record Latest(String sectionName, String authorName, List<FeedEntry> entries) {
    }

    /** Of one section and its children, of one author, or both; an unknown section is refused, an unknown author has none. */
    Latest latest(String section, String author) {
        try (Connection connection = dataSource.getConnection()) {
            String sectionName = section == null ? null : sectionName(connection, section);
            String authorName = author == null ? null : authorName(connection, author);
            try (PreparedStatement query = connection.prepareStatement(LATEST.formatted(LONGEST_BODY_CHARACTERS, Bylines.NAMES,
                    section == null ? "" : IN_SECTION, author == null ? "" : BY_AUTHOR, SIZE))) {
                int parameter = 1;
                if (section != null) {
                    query.setString(parameter++, section);
                }
                if (author != null) {
                    query.setString(parameter, author);
                }
                List<FeedEntry> entries = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        entries.add(new FeedEntry(row.getObject(1, UUID.class), row.getString(2), Xml.text(row.getString(3)),
                                Xml.text(row.getString(4)), Xml.text(row.getString(5)), row.getString(6), Xml.text(row.getString(7)),
                                SqlArrays.strings(row.getArray(8)).stream().map(Xml::text).toList(),
                                SqlArrays.strings(row.getArray(9)).stream().map(Xml::text).toList(),
                                imageUrl(row), row.getString(13), row.getLong(14), row.getObject(11, OffsetDateTime.class).toInstant(),
                                row.getObject(12, OffsetDateTime.class).toInstant()));
                    }
                }
                return new Latest(sectionName, authorName, entries);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the feed failed", e);
        }
    }

    private static String authorName(Connection connection, String author) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select name from author where slug = ?")) {
            query.setString(1, author);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Xml.text(row.getString(1)) : null;
            }
        }
    }

    private static String sectionName(Connection connection, String section) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select name from section where id = " + SectionTree.ID_OF_SLUG)) {
            query.setString(1, section);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw UnknownSection.in("section", section);
                }
                return Xml.text(row.getString(1));
            }
        }
    }
}

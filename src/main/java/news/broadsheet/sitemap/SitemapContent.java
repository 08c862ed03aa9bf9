package news.broadsheet.sitemap;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What sitemaps list, read with plain indexed SQL: public articles by month of publication (UTC), sections, and the
 * latest publications. A month's articles are streamed row by row, never held at once.
 */
@ApplicationScoped
class SitemapContent {

    private static final String MONTHS = """
            select to_char(a.published_at at time zone 'UTC', 'YYYY-MM'), count(*), max(a.updated_at)
            from article a
            where article_is_public(a)
            group by 1
            order by 1 desc""";
    /** Where a part of a month's sitemap starts: an index-only walk past the parts before it. */
    private static final String PART_START = """
            select a.published_at, a.id
            from article a
            where article_is_public(a) and a.published_at >= ? and a.published_at < ?
            order by a.published_at, a.id
            offset ? limit 1""";
    /** A part from its start on, in index order, so its first row is written at once. */
    private static final String PART = """
            select (select s.slug from section s where s.id = a.section_id), a.slug, a.updated_at
            from article a
            where article_is_public(a) and (a.published_at, a.id) >= (?, ?) and a.published_at < ?
            order by a.published_at, a.id
            limit ?""";
    private static final String SECTIONS = """
            select s.slug, greatest(s.updated_at, (select max(a.published_at) from article a
                                                   where a.section_id = s.id and article_is_public(a)))
            from section s
            order by s.position, s.slug""";
    private static final String NEWS = """
            select (select s.slug from section s where s.id = a.section_id), a.slug, a.title, a.published_at
            from article a
            where article_is_public(a) and a.published_at > ? and a.published_at <= ?
            order by a.published_at desc, a.id desc
            limit ?""";
    /** Rows a month's sitemap fetches at a time from the database's cursor. */
    private static final int FETCH_SIZE = 1_000;

    /** A month of publication, with how many public articles and their latest change. */
    record Month(YearMonth month, long articles, Instant lastModified) {
    }

    /** The first article of a part of a month's sitemap, by publication time and id. */
    record PartStart(YearMonth month, OffsetDateTime publishedAt, UUID id) {
    }

    record SectionPage(String slug, Instant lastModified) {
    }

    record ArticlePage(String section, String slug, Instant lastModified) {
    }

    record NewsArticle(String section, String slug, String title, Instant publishedAt) {
    }

    private final DataSource dataSource;
    private final int urlsPerSitemap;

    SitemapContent(DataSource dataSource, BroadsheetConfig config) {
        this.dataSource = dataSource;
        this.urlsPerSitemap = config.site().sitemapSize();
    }

    /** How many sitemaps a month's articles take (broadsheet.site.sitemap-size each). */
    int parts(Month month) {
        return (int) ((month.articles() + urlsPerSitemap - 1) / urlsPerSitemap);
    }

    /** Every month holding public articles, newest first. */
    List<Month> months() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(MONTHS);
             ResultSet row = query.executeQuery()) {
            List<Month> months = new ArrayList<>();
            while (row.next()) {
                months.add(new Month(YearMonth.parse(row.getString(1)), row.getLong(2), instant(row, 3)));
            }
            return months;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the months of the sitemap index failed", e);
        }
    }

    /** Where this part of the month starts (1 for the first sitemap's worth); empty when the month has no article for it. */
    Optional<PartStart> partStart(YearMonth month, int part) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(PART_START)) {
            query.setObject(1, startOf(month));
            query.setObject(2, startOf(month.plusMonths(1)));
            query.setLong(3, (long) (part - 1) * urlsPerSitemap);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new PartStart(month, row.getObject(1, OffsetDateTime.class), row.getObject(2, UUID.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the sitemap of " + month + " failed", e);
        }
    }

    /** Streams one part of a month's public articles, oldest first, through a cursor in a read-only transaction. */
    void part(PartStart start, Consumer<ArticlePage> pages) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement(PART)) {
                query.setObject(1, start.publishedAt());
                query.setObject(2, start.id());
                query.setObject(3, startOf(start.month().plusMonths(1)));
                query.setInt(4, urlsPerSitemap);
                query.setFetchSize(FETCH_SIZE);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        pages.accept(new ArticlePage(row.getString(1), row.getString(2), instant(row, 3)));
                    }
                }
            } finally {
                connection.rollback(); // read-only: nothing to keep, and the connection goes back clean
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the sitemap of " + start.month() + " failed", e);
        }
    }

    List<SectionPage> sections() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SECTIONS);
             ResultSet row = query.executeQuery()) {
            List<SectionPage> sections = new ArrayList<>();
            while (row.next()) {
                sections.add(new SectionPage(row.getString(1), instant(row, 2)));
            }
            return sections;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the sections' sitemap failed", e);
        }
    }

    /** The public articles published after {@code since} and up to {@code until}, newest first, at most {@code limit}. */
    List<NewsArticle> news(Instant since, Instant until, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(NEWS)) {
            query.setObject(1, since.atOffset(ZoneOffset.UTC));
            query.setObject(2, until.atOffset(ZoneOffset.UTC));
            query.setInt(3, limit);
            List<NewsArticle> news = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    news.add(new NewsArticle(row.getString(1), row.getString(2), row.getString(3), instant(row, 4)));
                }
            }
            return news;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the News sitemap failed", e);
        }
    }

    private static OffsetDateTime startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}

package news.broadsheet.article;

import news.broadsheet.author.Byline;
import news.broadsheet.author.Bylines;
import news.broadsheet.database.SqlArrays;
import news.broadsheet.media.HeroImage;
import news.broadsheet.media.ImageView;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The columns of a list item (never the body) and how a row of them becomes an {@link ArticleSummary}. */
final class ArticleRows {

    /** Selected from {@code article a join section s}. */
    static final String SUMMARY_COLUMNS = """
            a.id, a.slug, a.title, a.subtitle, a.summary, s.slug as section_slug, s.name as section_name,
            a.tags, %s, a.dateline, a.hero_image_url, a.hero_image_media, a.hero_image_alt, a.hero_image_caption, a.hero_image_credit,
            a.featured, a.status, a.published_at, coalesce(a.noted_at, a.published_at) as modified_at, a.created_at, a.updated_at, a.word_count, a.reading_time_minutes""".formatted(Bylines.COLUMNS);

    private ArticleRows() {
    }

    static ArticleSummary summary(ResultSet row) throws SQLException {
        String heroUrl = row.getString("hero_image_url");
        return new ArticleSummary(
                row.getObject("id", UUID.class),
                row.getString("slug"),
                row.getString("title"),
                row.getString("subtitle"),
                row.getString("summary"),
                new ArticleSection(row.getString("section_slug"), row.getString("section_name")),
                SqlArrays.strings(row.getArray("tags")),
                bylines(row),
                row.getString("dateline"),
                heroUrl == null ? null : ImageView.of(new HeroImage(heroUrl, row.getObject("hero_image_media", UUID.class),
                        row.getString("hero_image_alt"), row.getString("hero_image_caption"), row.getString("hero_image_credit"))),
                row.getBoolean("featured"),
                ArticleStatus.valueOf(row.getString("status")),
                instant(row, "published_at"),
                instant(row, "modified_at"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.getInt("word_count"),
                row.getInt("reading_time_minutes"),
                null);
    }

    /** The {@link Bylines#COLUMNS} of a row. */
    static List<Byline> bylines(ResultSet row) throws SQLException {
        List<String> slugs = SqlArrays.strings(row.getArray("author_slugs"));
        List<String> names = SqlArrays.strings(row.getArray("author_names"));
        List<Byline> bylines = new ArrayList<>(slugs.size());
        for (int i = 0; i < slugs.size(); i++) {
            bylines.add(new Byline(slugs.get(i), names.get(i)));
        }
        return bylines;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}

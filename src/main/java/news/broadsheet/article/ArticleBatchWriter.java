package news.broadsheet.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.author.Bylines;
import news.broadsheet.author.Credit;
import news.broadsheet.database.Clock;
import news.broadsheet.media.HeroImage;
import news.broadsheet.media.MediaReferences;
import news.broadsheet.section.UnknownSection;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes one batch of import lines in one transaction: renders the changed bodies, COPYs the batch into a temporary
 * table and upserts it by slug in one statement. A line identical to the stored article is left alone; a line whose
 * section was deleted since it was read is refused, and the rest of the batch written.
 */
@ApplicationScoped
class ArticleBatchWriter {

    /** Per connection; bodies stored uncompressed, as compressing them twice dominated the cost of a batch. */
    private static final String STAGING_TABLE = """
            create temporary table article_import (
                slug text, title text, subtitle text, summary text, body text, body_html text, section_id uuid,
                tags text[], author_ids uuid[], dateline text, hero_image_url text, hero_image_media uuid, hero_image_alt text, hero_image_caption text,
                hero_image_credit text, featured boolean, status text, published_at timestamptz, word_count integer,
                reading_time_minutes integer) on commit delete rows;
            alter table article_import alter column body set storage external, alter column body_html set storage external""";

    /**
     * What an upload sets, the fields of {@link ArticleInput} but the slug: an article whose columns all equal a line's
     * is unchanged, as {@link ArticleService} judges it by comparing inputs.
     */
    private static final List<String> CONTENT = List.of("title", "subtitle", "summary", "body", "section_id", "tags", "author_ids",
            "dateline", "hero_image_url", "hero_image_media", "hero_image_alt", "hero_image_caption", "hero_image_credit", "featured", "status",
            "published_at");

    /**
     * Lines identical to the stored article leave the batch before the upsert: PostgreSQL would otherwise compute
     * each proposed row's search vector (the costliest part of an insert) only to find there is nothing to change.
     */
    private static final String DROP_UNCHANGED = "delete from article_import i using article a where a.slug = i.slug and "
            + content("a") + " is not distinct from " + content("i");

    /** New slugs are inserted, changed articles updated, identical ones left alone; answers each row it wrote. */
    private static final String UPSERT = """
            insert into article as a (id, slug, %s, body_html, word_count, reading_time_minutes, created_at, updated_at, version)
            select gen_random_uuid(), i.slug, %s, i.body_html, i.word_count, i.reading_time_minutes, ?, ?, 0
            from article_import i
            on conflict (slug) do update set %s,
                -- an unchanged body arrives unrendered (word_count -1): keep the stored rendering
                body_html = case when excluded.word_count < 0 then a.body_html else excluded.body_html end,
                word_count = case when excluded.word_count < 0 then a.word_count else excluded.word_count end,
                reading_time_minutes = case when excluded.word_count < 0 then a.reading_time_minutes else excluded.reading_time_minutes end,
                updated_at = ?, version = a.version + 1
            where %s is distinct from %s
            returning (xmax = 0) as inserted""".formatted(String.join(", ", CONTENT), columns("i"),
            CONTENT.stream().map(column -> column + " = excluded." + column).collect(Collectors.joining(", ")),
            content("a"), content("excluded"));

    /** What a batch did with the lines it did not refuse. */
    record Written(int created, int updated, int unchanged) {
    }

    /** The stored state a batch needs: whether the body changed, and the publication time to keep. */
    private record Stored(String bodyMd5, Instant publishedAt) {
    }

    private final MarkdownRenderer markdown;
    private final DataSource dataSource;
    private final MediaReferences media;

    ArticleBatchWriter(MarkdownRenderer markdown, DataSource dataSource, MediaReferences media) {
        this.media = media;
        this.markdown = markdown;
        this.dataSource = dataSource;
    }

    /** Writes a batch as the token {@code by}; a line whose section no longer exists goes to {@code refused}, the rest are written. */
    Written write(List<ImportLine> batch, RejectedLines refused, String by) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement signature = connection.prepareStatement("select set_config('broadsheet.actor', ?, true)")) {
                    signature.setString(1, by); // for the revisions the database records (V20__revisions.sql)
                    signature.execute();
                }
                Map<String, UUID> sections = lockSections(connection, batch);
                List<ArticleInput> rows = new ArrayList<>(batch.size());
                Map<String, Stored> stored = stored(connection, batch);
                // the media library images the batch shows, locked against deletion until it commits
                Map<UUID, MediaReferences.Named> images = media.lock(connection, batch.stream()
                        .flatMap(line -> mediaOf(line.input()).stream()).collect(Collectors.toSet()));
                for (ImportLine line : batch) {
                    String section = line.input().section().slug();
                    if (!sections.containsKey(section)) {
                        refused.add(line.number(), UnknownSection.in("section", section));
                        continue;
                    }
                    List<FieldError> missing = missingMedia(line.input(), images);
                    if (!missing.isEmpty()) {
                        refused.add(line.number(), new InvalidInput(missing));
                        continue;
                    }
                    Stored before = stored.get(line.input().slug());
                    ArticleInput normalized = line.input().normalized(line.input().slug(), before == null ? null : before.publishedAt());
                    rows.add(normalized.withHeroImage(media.stored(normalized.heroImage(), images)));
                }
                // rendering is the costly part: both cores, and only for bodies that changed
                List<MarkdownRenderer.Rendered> rendered = rows.parallelStream().map(row -> {
                    Stored before = stored.get(row.slug());
                    return before != null && before.bodyMd5().equals(md5(row.body())) ? null
                            : markdown.render(row.body(), id -> media.bodyImage(id, images));
                }).toList();
                // the batch's authors, created once however many lines or lanes name them, locked until the batch commits
                Map<String, Credit> credits = Bylines.resolve(connection,
                        rows.stream().flatMap(row -> row.authors().stream()).distinct().toList());
                try (Statement statement = connection.createStatement();
                     ResultSet staging = statement.executeQuery("select to_regclass('pg_temp.article_import') is null")) {
                    staging.next();
                    if (staging.getBoolean(1)) {
                        statement.execute(STAGING_TABLE);
                    }
                }
                try (var copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "copy article_import from stdin", 1 << 16);
                     var out = new OutputStreamWriter(copy, StandardCharsets.UTF_8)) {
                    copyRows(out, rows, rendered, sections, credits);
                }
                try (Statement prune = connection.createStatement()) {
                    prune.executeUpdate(DROP_UNCHANGED);
                }
                int created = 0, updated = 0;
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                    // the application's clock, as for single writes (ArticleService) and the default publication time
                    OffsetDateTime now = Clock.now().atOffset(ZoneOffset.UTC);
                    for (int parameter = 1; parameter <= 3; parameter++) {
                        upsert.setObject(parameter, now);
                    }
                    try (ResultSet result = upsert.executeQuery()) {
                        while (result.next()) {
                            if (result.getBoolean(1)) {
                                created++;
                            } else {
                                updated++;
                            }
                        }
                    }
                }
                return new Written(created, updated, rows.size() - created - updated);
            }
        });
    }

    private static Set<UUID> mediaOf(ArticleInput input) {
        Set<UUID> ids = new HashSet<>(MediaReferences.inBody(input.body()));
        if (input.heroImage() != null && input.heroImage().media() != null) {
            ids.add(input.heroImage().media());
        }
        return ids;
    }

    /** What a line names of the media library that does not exist (or a hero image that names nothing). */
    private static List<FieldError> missingMedia(ArticleInput input, Map<UUID, MediaReferences.Named> images) {
        List<FieldError> errors = new ArrayList<>();
        HeroImage hero = input.heroImage();
        if (hero != null && hero.media() == null && hero.url() == null) {
            errors.add(new FieldError("heroImage.url", "is required, or media: the id of an image of the media library"));
        }
        if (hero != null && hero.media() != null) {
            errors.addAll(MediaReferences.missing("heroImage.media", List.of(hero.media()), images));
        }
        errors.addAll(MediaReferences.missing("body", MediaReferences.inBody(input.body()), images));
        return errors;
    }

    private static String columns(String alias) {
        return CONTENT.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    /** The content of a row as one value, for comparing rows. */
    private static String content(String alias) {
        return "(" + columns(alias) + ")";
    }

    /**
     * The batch's sections that exist, locked against deletion until the batch commits (the lock the articles' foreign
     * key would take anyway, taken first, so a section deleted meanwhile refuses its lines rather than the batch).
     */
    private static Map<String, UUID> lockSections(Connection connection, List<ImportLine> batch) throws SQLException {
        Map<String, UUID> ids = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select slug, id from section where slug = any(?) order by id for key share")) {
            query.setArray(1, connection.createArrayOf("text", batch.stream().map(line -> line.input().section().slug()).distinct().toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    ids.put(row.getString(1), row.getObject(2, UUID.class));
                }
            }
        }
        return ids;
    }

    private static Map<String, Stored> stored(Connection connection, List<ImportLine> batch) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select slug, md5(body), published_at from article where slug = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", batch.stream().map(line -> line.input().slug()).toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    OffsetDateTime published = row.getObject(3, OffsetDateTime.class);
                    stored.put(row.getString(1), new Stored(row.getString(2), published == null ? null : published.toInstant()));
                }
            }
        }
        return stored;
    }

    /** The batch in COPY's text format: tab-separated, \N for null, arrays as PostgreSQL array literals. */
    private static void copyRows(Writer out, List<ArticleInput> rows, List<MarkdownRenderer.Rendered> rendered,
                                 Map<String, UUID> sections, Map<String, Credit> credits) throws IOException {
        for (int i = 0; i < rows.size(); i++) {
            ArticleInput row = rows.get(i);
            MarkdownRenderer.Rendered html = rendered.get(i);
            HeroImage hero = row.heroImage();
            field(out, row.slug()).append('\t');
            field(out, row.title()).append('\t');
            field(out, row.subtitle()).append('\t');
            field(out, row.summary()).append('\t');
            field(out, row.body()).append('\t');
            field(out, html == null ? "" : html.html()).append('\t');
            out.append(sections.get(row.section().slug()).toString()).append('\t');
            field(out, arrayLiteral(row.tags())).append('\t');
            field(out, arrayLiteral(row.authors().stream().map(byline -> credits.get(byline).id().toString()).distinct().toList()))
                    .append('\t');
            field(out, row.dateline()).append('\t');
            field(out, hero == null ? null : hero.url()).append('\t');
            field(out, hero == null || hero.media() == null ? null : hero.media().toString()).append('\t');
            field(out, hero == null ? null : hero.alt()).append('\t');
            field(out, hero == null ? null : hero.caption()).append('\t');
            field(out, hero == null ? null : hero.credit()).append('\t');
            out.append(Boolean.TRUE.equals(row.featured()) ? 't' : 'f').append('\t');
            out.append(row.status().name()).append('\t');
            field(out, row.publishedAt() == null ? null : row.publishedAt().toString()).append('\t');
            out.append(Integer.toString(html == null ? -1 : html.wordCount())).append('\t');
            out.append(Integer.toString(html == null ? -1 : html.readingTimeMinutes())).append('\n');
        }
    }

    private static Writer field(Writer out, String value) throws IOException {
        if (value == null) {
            return out.append("\\N");
        }
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                out.write(value, plainFrom, i - plainFrom);
                out.write(escaped);
                plainFrom = i + 1;
            }
        }
        out.write(value, plainFrom, value.length() - plainFrom);
        return out;
    }

    private static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package news.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.InvalidInput;
import news.broadsheet.web.MalformedBody;
import news.broadsheet.web.ProblemMappers;
import news.broadsheet.web.TooManyRequests;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * NDJSON bulk import. The request thread streams the body line by line and validates each line as a single upload
 * would; full batches go to writer threads that render the changed bodies, COPY the batch into a temporary table
 * and upsert it by slug in one statement, each batch in its own transaction. A bad line is reported, never fatal;
 * a line identical to the stored article is left alone.
 */
@ApplicationScoped
class ArticleImport {

    private static final Logger LOG = Logger.getLogger(ArticleImport.class);

    static final String NDJSON = "application/x-ndjson";
    static final int BATCH_SIZE = 500;
    /** A batch also ends at this many bytes of lines, so large bodies make smaller batches (one line may be larger). */
    static final int BATCH_BYTES = 4 * 1024 * 1024;
    static final int MAX_LINE_BYTES = 5 * 1024 * 1024;
    static final int WRITERS = 2;
    static final int RETRY_AFTER_SECONDS = 10;

    /** Per connection; bodies stored uncompressed, as compressing them twice dominated the cost of a batch. */
    private static final String STAGING_TABLE = """
            create temporary table article_import (
                slug text, title text, subtitle text, summary text, body text, body_html text, section_id uuid,
                tags text[], authors text[], dateline text, hero_image_url text, hero_image_alt text, hero_image_caption text,
                hero_image_credit text, featured boolean, status text, published_at timestamptz, word_count integer,
                reading_time_minutes integer) on commit delete rows;
            alter table article_import alter column body set storage external, alter column body_html set storage external""";

    /**
     * Lines identical to the stored article leave the batch before the upsert: PostgreSQL would otherwise compute
     * each proposed row's search vector (the costliest part of an insert) only to find there is nothing to change.
     */
    private static final String DROP_UNCHANGED = """
            delete from article_import i using article a
            where a.slug = i.slug
              and (a.title, a.subtitle, a.summary, a.body, a.section_id, a.tags, a.authors, a.dateline, a.hero_image_url,
                   a.hero_image_alt, a.hero_image_caption, a.hero_image_credit, a.featured, a.status, a.published_at)
                  is not distinct from
                  (i.title, i.subtitle, i.summary, i.body, i.section_id, i.tags, i.authors, i.dateline, i.hero_image_url,
                   i.hero_image_alt, i.hero_image_caption, i.hero_image_credit, i.featured, i.status, i.published_at)""";

    /** New slugs are inserted, changed articles updated, identical ones left alone; answers each row it wrote. */
    private static final String UPSERT = """
            insert into article as a (id, slug, title, subtitle, summary, body, body_html, section_id, tags, authors, dateline,
                hero_image_url, hero_image_alt, hero_image_caption, hero_image_credit, featured, status, published_at,
                created_at, updated_at, word_count, reading_time_minutes, version)
            select gen_random_uuid(), i.slug, i.title, i.subtitle, i.summary, i.body, i.body_html, i.section_id, i.tags, i.authors,
                i.dateline, i.hero_image_url, i.hero_image_alt, i.hero_image_caption, i.hero_image_credit, i.featured, i.status,
                i.published_at, now(), now(), i.word_count, i.reading_time_minutes, 0
            from article_import i
            on conflict (slug) do update set
                title = excluded.title, subtitle = excluded.subtitle, summary = excluded.summary, body = excluded.body,
                -- an unchanged body arrives unrendered (word_count -1): keep the stored rendering
                body_html = case when excluded.word_count < 0 then a.body_html else excluded.body_html end,
                word_count = case when excluded.word_count < 0 then a.word_count else excluded.word_count end,
                reading_time_minutes = case when excluded.word_count < 0 then a.reading_time_minutes else excluded.reading_time_minutes end,
                section_id = excluded.section_id, tags = excluded.tags, authors = excluded.authors, dateline = excluded.dateline,
                hero_image_url = excluded.hero_image_url, hero_image_alt = excluded.hero_image_alt,
                hero_image_caption = excluded.hero_image_caption, hero_image_credit = excluded.hero_image_credit,
                featured = excluded.featured, status = excluded.status, published_at = excluded.published_at,
                updated_at = now(), version = a.version + 1
            where (a.title, a.subtitle, a.summary, a.body, a.section_id, a.tags, a.authors, a.dateline, a.hero_image_url,
                   a.hero_image_alt, a.hero_image_caption, a.hero_image_credit, a.featured, a.status, a.published_at)
                is distinct from
                  (excluded.title, excluded.subtitle, excluded.summary, excluded.body, excluded.section_id, excluded.tags,
                   excluded.authors, excluded.dateline, excluded.hero_image_url, excluded.hero_image_alt,
                   excluded.hero_image_caption, excluded.hero_image_credit, excluded.featured, excluded.status,
                   excluded.published_at)
            returning (xmax = 0) as inserted""";

    private record Parsed(long line, int bytes, ArticleInput input) {
    }

    /** What a batch did: created, updated, unchanged. */
    private record Counts(int created, int updated, int unchanged) {
    }

    /** The stored state a batch needs: whether the body changed, and the publication time to keep. */
    private record Stored(String bodyMd5, Instant publishedAt) {
    }

    private final ArticleUploads uploads;
    private final MarkdownRenderer markdown;
    private final DataSource dataSource;
    private final Semaphore running;
    private final int concurrentImports;

    ArticleImport(ArticleUploads uploads, MarkdownRenderer markdown, DataSource dataSource, BroadsheetConfig config) {
        this.uploads = uploads;
        this.markdown = markdown;
        this.dataSource = dataSource;
        this.concurrentImports = config.limits().concurrentImports();
        this.running = new Semaphore(concurrentImports);
    }

    /**
     * Runs one import, or refuses it (429) while {@code broadsheet.limits.concurrent-imports} others run: each takes two
     * connections of the pool for as long as it lasts, and the service's readers need the rest. Once a batch has been
     * committed its lines are reported, even when a later batch fails ({@link ImportInterrupted}).
     */
    ImportReport run(InputStream body) throws IOException {
        if (!running.tryAcquire()) {
            throw new TooManyRequests("imports-busy", concurrentImports + " imports are running on this instance; try again in "
                    + RETRY_AFTER_SECONDS + " seconds", RETRY_AFTER_SECONDS);
        }
        try {
            return runAlone(body);
        } finally {
            running.release();
        }
    }

    private ImportReport runAlone(InputStream body) throws IOException {
        Map<String, UUID> sections = sectionIds();
        var lines = new NdjsonLines(body, MAX_LINE_BYTES);
        var rejected = new ArrayList<ImportReport.RejectedLine>();
        long rejectedCount = 0;
        // at most four batches wait for or are with a writer, and each holds at most BATCH_BYTES of lines (or one
        // line): what an import holds stays under about 30 MB of lines whatever the file's size and its lines' sizes
        Semaphore queued = new Semaphore(2 * WRITERS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            lanes.add(new Lane(queued, sections, failure));
        }
        long lastLine = 0;
        try {
            NdjsonLines.Line line;
            while (failure.get() == null && (line = lines.next()) != null) {
                lastLine = line.number();
                try {
                    Parsed parsed = parse(line, sections);
                    if (parsed != null) { // null: a blank line
                        lanes.get(Math.floorMod(parsed.input().slug().hashCode(), WRITERS)).add(parsed);
                    }
                } catch (RuntimeException | JsonProcessingException e) {
                    if (rejected.size() < ImportReport.MAX_LISTED) {
                        rejected.add(new ImportReport.RejectedLine(line.number(), ProblemMappers.describe(e)));
                    }
                    rejectedCount++;
                }
            }
            int created = 0, updated = 0, unchanged = 0;
            for (Lane lane : lanes) {
                for (Counts done : lane.finish()) {
                    created += done.created();
                    updated += done.updated();
                    unchanged += done.unchanged();
                }
            }
            if (created + updated > 0) {
                tidySearchIndexes(created + updated);
            }
            ImportReport report = new ImportReport(created, updated, unchanged, rejectedCount, rejected);
            if (failure.get() != null) {
                throw new ImportInterrupted(report, lastLine, failure.get());
            }
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        } finally {
            lanes.forEach(Lane::close);
        }
    }

    /**
     * One writer thread with its own connection. A slug always goes to the same lane, so lines of one slug are
     * written in file order; the lanes let PostgreSQL work on two batches at once (its search vectors dominate).
     * A batch that fails is rolled back alone and recorded in {@code failure}, which stops the import.
     */
    private final class Lane {
        private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "article-import-writer");
            thread.setDaemon(true);
            return thread;
        });
        private final Semaphore queued;
        private final Map<String, UUID> sections;
        private final AtomicReference<Throwable> failure;
        private final List<Future<Counts>> written = new ArrayList<>();
        private List<Parsed> batch = new ArrayList<>(BATCH_SIZE);
        private long batchBytes;
        private final Set<String> slugsInBatch = new HashSet<>();

        Lane(Semaphore queued, Map<String, UUID> sections, AtomicReference<Throwable> failure) {
            this.queued = queued;
            this.sections = sections;
            this.failure = failure;
        }

        void add(Parsed parsed) throws InterruptedException {
            if (batchBytes + parsed.bytes() > BATCH_BYTES) {
                submit();
            }
            if (!slugsInBatch.add(parsed.input().slug())) {
                // one statement cannot write a row twice: the earlier line goes first
                submit();
                slugsInBatch.add(parsed.input().slug());
            }
            batch.add(parsed);
            batchBytes += parsed.bytes();
            if (batch.size() == BATCH_SIZE) {
                submit();
            }
        }

        /** Waits for every batch; answers what the committed ones did. */
        List<Counts> finish() throws InterruptedException {
            if (failure.get() == null) {
                submit();
            }
            List<Counts> counts = new ArrayList<>();
            for (Future<Counts> done : written) {
                try {
                    counts.add(done.get());
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, e.getCause());
                }
            }
            return counts;
        }

        void close() {
            writer.shutdownNow();
        }

        private void submit() throws InterruptedException {
            List<Parsed> full = batch;
            batch = new ArrayList<>(BATCH_SIZE);
            batchBytes = 0;
            slugsInBatch.clear();
            if (full.isEmpty()) {
                return;
            }
            queued.acquire();
            written.add(writer.submit(() -> {
                try {
                    return write(full, sections);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    throw e;
                } finally {
                    queued.release();
                }
            }));
        }
    }

    /** One line as a validated input keyed by its slug, or null for a blank line. */
    private Parsed parse(NdjsonLines.Line line, Map<String, UUID> sections) throws IOException {
        if (line.tooLong()) {
            throw MalformedBody.json("The line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (isBlank(line.bytes())) {
            return null;
        }
        ArticleInput input = uploads.fromJson(line.bytes());
        if (!sections.containsKey(input.section().slug())) {
            throw new InvalidInput("section", "must name an existing section; there is no '" + input.section().slug() + "'");
        }
        String slug = input.slug() != null ? input.slug() : Slugs.derive(input.title())
                .orElseThrow(() -> new InvalidInput("slug", "could not be derived from the title; give one"));
        ArticleInput keyed = ArticleService.normalize(slug, input, null); // refuses here what a single upload would refuse
        return new Parsed(line.number(), line.bytes().length, withPublishedAt(keyed, input.publishedAt()));
    }

    private Counts write(List<Parsed> batch, Map<String, UUID> sections) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Map<String, Stored> stored = stored(connection, batch);
                List<ArticleInput> rows = batch.stream().map(parsed -> {
                    Stored before = stored.get(parsed.input().slug());
                    return ArticleService.normalize(parsed.input().slug(), parsed.input(), before == null ? null : before.publishedAt());
                }).toList();
                // rendering is the costly part: both cores, and only for bodies that changed
                List<MarkdownRenderer.Rendered> rendered = rows.parallelStream().map(row -> {
                    Stored before = stored.get(row.slug());
                    return before != null && before.bodyMd5().equals(md5(row.body())) ? null : markdown.render(row.body());
                }).toList();
                try (Statement statement = connection.createStatement();
                     ResultSet staging = statement.executeQuery("select to_regclass('pg_temp.article_import') is null")) {
                    staging.next();
                    if (staging.getBoolean(1)) {
                        statement.execute(STAGING_TABLE);
                    }
                }
                try (var copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "copy article_import from stdin", 1 << 16);
                     var out = new OutputStreamWriter(copy, StandardCharsets.UTF_8)) {
                    copyRows(out, rows, rendered, sections);
                }
                try (Statement prune = connection.createStatement()) {
                    prune.executeUpdate(DROP_UNCHANGED);
                }
                int created = 0, updated = 0;
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT); ResultSet result = upsert.executeQuery()) {
                    while (result.next()) {
                        if (result.getBoolean(1)) {
                            created++;
                        } else {
                            updated++;
                        }
                    }
                }
                return new Counts(created, updated, rows.size() - created - updated);
            }
        });
    }

    private static Map<String, Stored> stored(Connection connection, List<Parsed> batch) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select slug, md5(body), published_at from article where slug = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", batch.stream().map(p -> p.input().slug()).toArray()));
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
                                 Map<String, UUID> sections) throws IOException {
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
            field(out, arrayLiteral(row.authors())).append('\t');
            field(out, row.dateline()).append('\t');
            field(out, hero == null ? null : hero.url()).append('\t');
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

    private Map<String, UUID> sectionIds() {
        Map<String, UUID> ids = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select slug, id from section");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                ids.put(row.getString(1), row.getObject(2, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading sections failed", e);
        }
        return ids;
    }

    /**
     * Searches right after a bulk import would otherwise scan the GIN indexes' pending lists (up to 32 MB, V7) on every
     * query until autovacuum merges them, and plan with statistics from before the import: merge them now, and
     * analyze when the import changed a tenth of the articles or more (autovacuum's own threshold).
     */
    private void tidySearchIndexes(int changed) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select gin_clean_pending_list('article_search_idx'), gin_clean_pending_list('article_search_head_idx')");
            try (ResultSet rows = statement.executeQuery("select reltuples from pg_class where oid = 'article'::regclass")) {
                if (rows.next() && changed * 10L >= rows.getLong(1)) {
                    statement.execute("analyze article");
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Could not tidy the search indexes after an import (autovacuum will): %s", e.getMessage());
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The normalized input, but with the publication time as given: the stored one is only known when the batch is written. */
    private static ArticleInput withPublishedAt(ArticleInput input, Instant publishedAt) {
        return new ArticleInput(input.slug(), input.title(), input.subtitle(), input.summary(), input.body(), input.section(),
                input.tags(), input.authors(), input.dateline(), input.heroImage(), input.featured(), input.status(), publishedAt);
    }
}

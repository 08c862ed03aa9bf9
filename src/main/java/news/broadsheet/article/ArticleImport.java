package news.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.MalformedBody;
import news.broadsheet.web.problem.TooManyRequests;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * NDJSON bulk import. The request thread streams the body line by line and validates each line as a single upload
 * would; full batches go to two {@link ImportLane}s, whose threads write them with the {@link ArticleBatchWriter},
 * each batch in its own transaction. A bad line is reported, never fatal.
 */
@ApplicationScoped
class ArticleImport {

    private static final Logger LOG = Logger.getLogger(ArticleImport.class);

    static final String NDJSON = "application/x-ndjson";
    static final int MAX_LINE_BYTES = 5 * 1024 * 1024;
    static final int WRITERS = 2;
    static final int RETRY_AFTER_SECONDS = 10;

    private final ArticleUploads uploads;
    private final ArticleBatchWriter batches;
    private final DataSource dataSource;
    private final Semaphore running;
    private final int concurrentImports;

    ArticleImport(ArticleUploads uploads, ArticleBatchWriter batches, DataSource dataSource, BroadsheetConfig config) {
        this.uploads = uploads;
        this.batches = batches;
        this.dataSource = dataSource;
        this.concurrentImports = config.limits().concurrentImports();
        this.running = new Semaphore(concurrentImports);
    }

    /**
     * Runs one import, or refuses it (429) while {@code broadsheet.limits.concurrent-imports} others run: each takes two
     * connections of the pool for as long as it lasts, and the service's readers need the rest. Once a batch has been
     * committed its lines are reported, even when a later batch fails ({@link ImportInterrupted}).
     */
    ImportReport run(InputStream body, String by) throws IOException {
        if (!running.tryAcquire()) {
            throw new TooManyRequests("imports-busy", concurrentImports + " imports are running on this instance; try again in "
                    + RETRY_AFTER_SECONDS + " seconds", RETRY_AFTER_SECONDS);
        }
        try {
            return runAlone(body, by);
        } finally {
            running.release();
        }
    }

    private ImportReport runAlone(InputStream body, String by) throws IOException {
        var lines = new NdjsonLines(body, MAX_LINE_BYTES);
        var refused = new RejectedLines();
        // at most four batches wait for or are with a writer, and each holds at most BATCH_BYTES of lines (or one
        // line): what an import holds stays under about 30 MB of lines whatever the file's size and its lines' sizes
        Semaphore queued = new Semaphore(2 * WRITERS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<ImportLane> lanes = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            lanes.add(new ImportLane(batch -> batches.write(batch, refused, by), queued, failure));
        }
        long lastLine = 0;
        try {
            NdjsonLines.Line line;
            while (failure.get() == null && (line = lines.next()) != null) {
                lastLine = line.number();
                try {
                    ImportLine parsed = parse(line);
                    if (parsed != null) { // null: a blank line
                        lanes.get(Math.floorMod(parsed.input().slug().hashCode(), WRITERS)).add(parsed);
                    }
                } catch (RuntimeException | JsonProcessingException e) {
                    refused.add(line.number(), e);
                }
            }
            int created = 0, updated = 0, unchanged = 0;
            for (ImportLane lane : lanes) {
                for (ArticleBatchWriter.Written done : lane.finish()) {
                    created += done.created();
                    updated += done.updated();
                    unchanged += done.unchanged();
                }
            }
            if (created + updated > 0) {
                tidySearchIndexes(created + updated);
            }
            ImportReport report = new ImportReport(created, updated, unchanged, refused.count(), refused.listed());
            if (failure.get() != null) {
                throw new ImportInterrupted(report, lastLine, failure.get());
            }
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import was interrupted", e);
        } finally {
            lanes.forEach(ImportLane::close);
        }
    }

    /**
     * One line as a validated upload keyed by its slug, or null for a blank line. Whether its section exists is the
     * writer's to judge, in the batch's transaction.
     */
    private ImportLine parse(NdjsonLines.Line line) throws IOException {
        if (line.tooLong()) {
            throw MalformedBody.json("The line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (isBlank(line.bytes())) {
            return null;
        }
        ArticleInput input = uploads.fromJson(line.bytes());
        String slug = input.slug() != null ? input.slug() : Slugs.derive(input.title())
                .orElseThrow(() -> new InvalidInput("slug", "could not be derived from the title; give one"));
        // refuses here what a single upload would refuse; the publication time to keep is known when the batch is written
        ArticleInput keyed = input.normalized(slug, null).withPublishedAt(input.publishedAt());
        return new ImportLine(line.number(), line.bytes().length, keyed);
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
}

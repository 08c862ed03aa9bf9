package news.broadsheet.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One writer thread of an import, fed batches of lines. A slug always goes to the same lane, so lines of one slug are
 * written in file order; two lanes let PostgreSQL work on two batches at once (its search vectors dominate). A batch
 * that fails is rolled back alone and recorded in {@code failure}, which stops the import.
 */
final class ImportLane implements AutoCloseable {

    static final int BATCH_SIZE = 500;
    /** A batch also ends at this many bytes of lines, so large bodies make smaller batches (one line may be larger). */
    static final int BATCH_BYTES = 4 * 1024 * 1024;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "article-import-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Function<List<ImportLine>, ArticleBatchWriter.Written> write;
    private final Semaphore queued;
    private final AtomicReference<Throwable> failure;
    private final List<Future<ArticleBatchWriter.Written>> written = new ArrayList<>();
    private final Set<String> slugsInBatch = new HashSet<>();
    private List<ImportLine> batch = new ArrayList<>(BATCH_SIZE);
    private long batchBytes;

    /** {@code queued} bounds the batches waiting for or with a writer across all lanes of one import. */
    ImportLane(Function<List<ImportLine>, ArticleBatchWriter.Written> write, Semaphore queued, AtomicReference<Throwable> failure) {
        this.write = write;
        this.queued = queued;
        this.failure = failure;
    }

    void add(ImportLine line) throws InterruptedException {
        if (batchBytes + line.bytes() > BATCH_BYTES) {
            submit();
        }
        if (!slugsInBatch.add(line.input().slug())) {
            // one statement cannot write a row twice: the earlier line goes first
            submit();
            slugsInBatch.add(line.input().slug());
        }
        batch.add(line);
        batchBytes += line.bytes();
        if (batch.size() == BATCH_SIZE) {
            submit();
        }
    }

    /** Waits for every batch; answers what the committed ones did. */
    List<ArticleBatchWriter.Written> finish() throws InterruptedException {
        if (failure.get() == null) {
            submit();
        }
        List<ArticleBatchWriter.Written> done = new ArrayList<>();
        for (Future<ArticleBatchWriter.Written> batchWritten : written) {
            try {
                done.add(batchWritten.get());
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        return done;
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }

    private void submit() throws InterruptedException {
        List<ImportLine> full = batch;
        batch = new ArrayList<>(BATCH_SIZE);
        batchBytes = 0;
        slugsInBatch.clear();
        if (full.isEmpty()) {
            return;
        }
        queued.acquire();
        written.add(writer.submit(() -> {
            try {
                return write.apply(full);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                throw e;
            } finally {
                queued.release();
            }
        }));
    }
}

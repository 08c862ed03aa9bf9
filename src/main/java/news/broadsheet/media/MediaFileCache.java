package news.broadsheet.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of small media files recently served, kept in memory and answered with one write. Compression is on for
 * the API's answers, and with a compressor in the connection's pipeline Vert.x cannot hand a file to the kernel
 * (sendfile): it copies it through the pipeline 8 KB at a time, and a file in S3 is a request to the bucket. A file
 * never changes under its name; it can only be deleted: this instance forgets a deleted file at once, and every entry
 * is dropped a minute after it was read, so another instance may serve a deleted file for at most that long (a CDN
 * keeps it far longer: the answers are immutable).
 */
@ApplicationScoped
class MediaFileCache {

    /** Larger files (originals, mostly) are sent from storage each time. */
    private static final long LARGEST = 1024 * 1024;
    private static final Duration LIFETIME = Duration.ofMinutes(1);

    private final Cache<String, Buffer> files;
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
    private final boolean enabled;

    MediaFileCache(BroadsheetConfig config, MeterRegistry metrics) {
        long maxBytes = config.media().fileCacheSize().asLongValue();
        this.enabled = maxBytes > 0;
        this.files = Caffeine.newBuilder()
                .maximumWeight(Math.max(maxBytes, 1))
                .weigher((String key, Buffer bytes) -> key.length() * 2 + bytes.length())
                .expireAfterWrite(LIFETIME)
                .recordStats()
                .build();
        // cache_gets_total{cache="media_file_cache",result="hit"|"miss"}... on /q/metrics
        CaffeineCacheMetrics.monitor(metrics, files, "media_file_cache");
    }

    /** The file's bytes, if they are in memory. */
    Buffer kept(UUID media, String file) {
        return enabled ? files.getIfPresent(key(media, file)) : null;
    }

    /** Reads a small file into memory on a worker, once however many requests ask for it meanwhile. */
    void keep(Vertx vertx, UUID media, String file, MediaStorage.StoredFile stored) {
        String key = key(media, file);
        if (!enabled || stored.length() > LARGEST || !loading.add(key)) {
            return;
        }
        vertx.executeBlocking(() -> {
            try (InputStream in = stored.open(0, stored.length())) {
                byte[] bytes = in.readNBytes((int) stored.length());
                if (bytes.length != stored.length()) {
                    throw new IOException("The stored file ended early");
                }
                // off the heap: the socket takes it as it is, where a heap buffer is copied for every answer
                return Buffer.buffer(Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()));
            }
        }, false).onComplete(read -> {
            if (loading.remove(key) && read.succeeded()) { // not when the file was deleted while it was read
                files.put(key, read.result());
            }
        });
    }

    /** Files just deleted from storage. */
    void forget(UUID media, Collection<String> deleted) {
        deleted.forEach(file -> {
            String key = key(media, file);
            loading.remove(key);
            files.invalidate(key);
        });
    }

    private static String key(UUID media, String file) {
        return media + "/" + file;
    }
}

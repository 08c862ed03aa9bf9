package news.broadsheet.media;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.web.FileRoute;
import news.broadsheet.web.HttpLayerProblems;
import news.broadsheet.web.caching.ETags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of stored images at {@code /media/{id}/{file}}, answered as a static file server answers, without the
 * database or the REST layer. A file never changes under its name (a new focal point makes new crop names), so it is
 * cacheable for a year everywhere and its ETag is its name. One byte range answers 206 (If-Range honoured), a range
 * past the end 416, several ranges or a malformed one the whole file. Small files recently served are answered from
 * memory ({@link MediaFileCache}); others on local disk are sent with sendfile, and files in S3 are read on a worker and
 * written as fast as the client takes them.
 * The operation is described in {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
class MediaFiles implements FileRoute {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
    private static final int CHUNK = 64 * 1024;
    /** How long a client may take to accept a chunk of a file from S3 before its answer is abandoned. */
    private static final long STALLED_CLIENT_SECONDS = 60;

    private final MediaStorage storage;
    private final MediaFileCache memory;
    private final HttpLayerProblems problems;

    MediaFiles(MediaStorage storage, MediaFileCache memory, HttpLayerProblems problems) {
        this.storage = storage;
        this.memory = memory;
        this.problems = problems;
    }

    @Override
    public String path() {
        return "/media/:id/:file";
    }

    /** Sends {@code count} bytes of the file from {@code first}, the headers already set. */
    private interface Body {
        void send(HttpServerResponse response, long first, long count);
    }

    @Override
    public void serve(RoutingContext context) {
        String file = context.pathParam("file");
        UUID media = parseId(context.pathParam("id"));
        if (media == null || !MediaService.isFileName(file)) {
            notFound(context);
            return;
        }
        Buffer kept = memory.kept(media, file);
        if (kept != null) {
            answer(context, file, kept.length(), (response, first, count) -> response.end(kept.slice((int) first, (int) (first + count))));
        } else if (storage.remote()) {
            context.vertx().executeBlocking(() -> storage.find(media, file), false)
                    .onSuccess(found -> answer(context, media, file, found))
                    .onFailure(context::fail);
        } else {
            try {
                answer(context, media, file, storage.find(media, file));
            } catch (IOException e) {
                context.fail(e);
            }
        }
    }

    private void answer(RoutingContext context, UUID media, String file, Optional<MediaStorage.StoredFile> found) {
        if (found.isEmpty()) {
            notFound(context);
            return;
        }
        MediaStorage.StoredFile stored = found.get();
        Optional<Path> local = stored.localPath();
        answer(context, file, stored.length(), local.isPresent()
                ? (response, first, count) -> response.sendFile(local.get().toString(), first, count)
                : (response, first, count) -> stream(context, stored, first, count));
        memory.keep(context.vertx(), media, file, stored);
    }

    private void answer(RoutingContext context, String file, long length, Body body) {
        String etag = '"' + context.pathParam("id") + '/' + file + '"';
        HttpServerResponse response = context.response();
        String ifNoneMatch = context.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ETags.matchesWeakly(ifNoneMatch, etag)) {
            response.setStatusCode(304).putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE).end();
            return;
        }
        Matcher asked = rangeAsked(context, etag);
        long first = 0;
        long last = length - 1;
        if (asked != null) {
            if (asked.group(1).isEmpty()) { // the last n bytes
                first = Math.max(0, length - Long.parseLong(asked.group(2)));
            } else {
                first = Long.parseLong(asked.group(1));
                last = asked.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(asked.group(2)), length - 1);
            }
            if (first >= length || last < first) {
                response.putHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
                problems.answer(context, 416, "Requested Range Not Satisfiable", "The file has " + length + " bytes");
                return;
            }
            response.setStatusCode(206).putHeader(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + length);
        }
        long count = last - first + 1;
        response.putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .putHeader(HttpHeaders.ACCEPT_RANGES, "bytes")
                .putHeader(HttpHeaders.CONTENT_TYPE, ImageFormat.ofExtension(file.substring(file.lastIndexOf('.') + 1)).orElseThrow().mimeType())
                .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(count))
                // compressed images only grow, and a compressed answer loses its length
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        if (context.request().method() == HttpMethod.HEAD) {
            response.end();
        } else {
            body.send(response, first, count);
        }
    }

    /** The one range asked for, if it is to be answered: well-formed, and the file still the one If-Range names. */
    private static Matcher rangeAsked(RoutingContext context, String etag) {
        String range = context.request().getHeader("Range");
        if (range == null) {
            return null;
        }
        Matcher asked = RANGE.matcher(range.strip());
        String ifRange = context.request().getHeader("If-Range");
        boolean answered = asked.matches() && !(asked.group(1).isEmpty() && asked.group(2).isEmpty())
                && (ifRange == null || ifRange.strip().equals(etag));
        return answered ? asked : null;
    }

    /** Copies a remote file to the client on a worker, a chunk at a time as the client takes them. */
    private static void stream(RoutingContext context, MediaStorage.StoredFile stored, long first, long count) {
        HttpServerResponse response = context.response();
        context.vertx().executeBlocking(() -> {
            try (InputStream in = stored.open(first, count)) {
                byte[] chunk = new byte[CHUNK];
                for (long left = count; left > 0; ) {
                    int read = in.readNBytes(chunk, 0, (int) Math.min(CHUNK, left));
                    if (read == 0) {
                        throw new IOException("The stored file ended " + left + " bytes early");
                    }
                    left -= read;
                    response.write(Buffer.buffer(read).appendBytes(chunk, 0, read)).toCompletionStage().toCompletableFuture()
                            .get(STALLED_CLIENT_SECONDS, TimeUnit.SECONDS);
                }
            }
            return null;
        }, false).onSuccess(done -> response.end()).onFailure(failure -> response.reset());
    }

    private void notFound(RoutingContext context) {
        problems.answer(context, 404, "Not Found", "There is no media file at " + context.request().path());
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

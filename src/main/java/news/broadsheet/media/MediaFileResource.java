package news.broadsheet.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of stored images. A file never changes under its name (a new focal point makes new crop names), so it is
 * cacheable for a year everywhere; ETag, 304 and byte ranges as a static file server answers them. Served from storage
 * without asking the database.
 */
@Path("/media/{id}/{file}")
@Tag(name = "Media")
public class MediaFileResource {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    private final MediaService media;

    MediaFileResource(MediaService media) {
        this.media = media;
    }

    @GET
    @Operation(operationId = "getMediaFile", summary = "The bytes of an image's original or of a rendition",
            description = "The URLs come from a media record or a hero image's renditions, never made up: sizes outside the fixed "
                    + "set do not exist. Cache-Control: public, max-age=31536000, immutable; an ETag (If-None-Match answers 304); "
                    + "one byte range (Range: bytes=0-1023) answers 206, several or none the whole file.")
    @APIResponse(responseCode = "200", description = "The file",
            headers = {@Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING, examples = IMMUTABLE)),
                    @Header(name = "Accept-Ranges", schema = @Schema(type = SchemaType.STRING, examples = "bytes"))},
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "rendition", summary = "The 640-pixel JPEG of an image",
                            externalValue = "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w640.jpg")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "file", externalValue = "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w640.webp")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "file", externalValue = "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/original.png")),
                    @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "file", externalValue = "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/original.gif"))})
    @APIResponse(responseCode = "206", description = "The range asked for, in the file's type, with Content-Range",
            headers = @Header(name = "Content-Range", schema = @Schema(type = SchemaType.STRING, examples = "bytes 0-1023/48213")),
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "range", summary = "The first kilobyte of a JPEG rendition",
                            externalValue = "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w640.jpg")))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "416", description = "The range starts past the end of the file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "range", value = """
                            {"type": "about:blank", "title": "Requested Range Not Satisfiable", "status": 416,
                             "detail": "The file has 20480 bytes", "instance": "/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w640.webp"}""")))
    public RestResponse<Object> file(
            @Parameter(description = "The image's id", example = "0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10") @PathParam("id") String id,
            @Parameter(description = "The file's name, as a record's url names it", example = "w640.webp") @PathParam("file") String file,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = "One byte range", example = "bytes=0-1023") @HeaderParam("Range") String range,
            @Parameter(description = "Send the range only if the file still has this ETag") @HeaderParam("If-Range") String ifRange)
            throws IOException {
        UUID media;
        try {
            media = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("media file", id + "/" + file);
        }
        MediaStorage.StoredFile stored = this.media.file(media, file).orElseThrow(() -> new NotFound("media file", id + "/" + file));
        String etag = ETags.of("media-file", media, file);
        String type = ImageFormat.ofExtension(file.substring(file.lastIndexOf('.') + 1)).orElseThrow().mimeType();
        if (ifNoneMatch != null && ETags.matchesWeakly(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
        }
        long length = stored.length();
        Matcher asked = range == null ? null : RANGE.matcher(range.strip());
        boolean partial = asked != null && asked.matches() && !(asked.group(1).isEmpty() && asked.group(2).isEmpty())
                && (ifRange == null || ifRange.strip().equals(etag));
        if (!partial) {
            return answer(RestResponse.ResponseBuilder.ok(stored.body(0, length), type), etag, length).build();
        }
        long first;
        long last;
        if (asked.group(1).isEmpty()) { // the last n bytes
            first = Math.max(0, length - Long.parseLong(asked.group(2)));
            last = length - 1;
        } else {
            first = Long.parseLong(asked.group(1));
            last = asked.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(asked.group(2)), length - 1);
        }
        if (first >= length || last < first) {
            return RestResponse.ResponseBuilder.create(416).header("Content-Range", "bytes */" + length)
                    .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .entity((Object) new Problem(Problem.GENERIC_TYPE, "Requested Range Not Satisfiable", 416,
                            "The file has " + length + " bytes", "/media/" + id + "/" + file, null))
                    .build();
        }
        return answer(RestResponse.ResponseBuilder.create(206).entity(stored.body(first, last - first + 1)).type(type), etag,
                last - first + 1)
                .header("Content-Range", "bytes " + first + "-" + last + "/" + length).build();
    }

    private static RestResponse.ResponseBuilder<Object> answer(RestResponse.ResponseBuilder<Object> answer, String etag, long length) {
        return answer.header(HttpHeaders.CONTENT_LENGTH, length).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).header("Accept-Ranges", "bytes");
    }
}

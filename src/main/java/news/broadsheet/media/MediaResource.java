package news.broadsheet.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.auth.Roles;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.caching.Answers;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.paging.PageSize;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.Problem;
import news.broadsheet.web.problem.Refused;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path(MediaResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media")
public class MediaResource {

    public static final String PATH = "/api/v1/media";
    private static final String ID_DOC = "The image's id";
    private static final String ID_EXAMPLE = "0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10";
    private static final String UPLOAD_DOC = "The type is read from the bytes (JPEG, PNG, WebP or GIF; anything else, SVG included, is a 415), "
            + "never from the Content-Type or a file name. Caption, credit and creator are taken from the file's IPTC, XMP or EXIF "
            + "metadata where it has them. The original is kept at full size with its orientation applied and its metadata (GPS, "
            + "camera) removed, in its own format; renditions are made at once: widths 320, 640, 960, 1280 and 1920 up to the "
            + "image's own, and 16:9, 4:3 and 1:1 crops around the focal point, each in JPEG and WebP. At most "
            + "broadsheet.media.max-upload-size (25 MB; more is a 413) and broadsheet.media.max-pixels (50 megapixels; more is a "
            + "400, refused before any pixel is decoded). Nothing is kept of a refused or failed upload.";
    /** One operation in the OpenAPI document, whichever of the two bodies. */
    private static final String UPLOAD_DESCRIPTION = "Two ways: the bytes as the body, `curl --data-binary @photo.jpg -H 'Content-Type: "
            + "image/jpeg'` (any Content-Type but multipart/form-data is taken as the image's bytes; alt text and the other fields "
            + "by PATCH afterwards), or a form, `curl -F file=@photo.jpg -F 'alt=A tram in the rain' -F focalPoint=0.3,0.4`. "
            + UPLOAD_DOC;

    private final MediaService media;
    private final Validator validator;

    MediaResource(MediaService media, Validator validator) {
        this.media = media;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "uploadMedia", summary = "Upload an image", description = UPLOAD_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = "image/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary", description = "A JPEG, PNG, WebP or GIF image")))
    @APIResponse(responseCode = "201", description = "Stored, with every rendition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class),
                    examples = @ExampleObject(name = "media", value = MediaExamples.MEDIA)))
    @APIResponse(responseCode = "400", description = "Empty, truncated or corrupt, or over 50 megapixels",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too large", value = MediaExamples.TOO_MANY_PIXELS)))
    @APIResponse(responseCode = "413", description = "Over 25 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too large", value = MediaExamples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG, WebP or GIF image",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "svg", value = MediaExamples.SVG)))
    public RestResponse<MediaView> upload(InputStream body, @Context UriInfo uri) throws IOException {
        java.nio.file.Path file = Files.createTempFile("broadsheet-upload-", ".bin");
        try {
            copyAtMost(body, file, media.maxUploadSize());
            return created(media.upload(file, new MediaInput(null, null, null, null, null)), uri);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "uploadMedia", summary = "Upload an image", description = UPLOAD_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = MediaForm.class),
            encoding = @Encoding(name = "file", contentType = "image/jpeg, image/png, image/webp, image/gif")))
    @APIResponse(responseCode = "201", description = "Stored, with every rendition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class),
                    examples = @ExampleObject(name = "media", value = MediaExamples.MEDIA)))
    @APIResponse(responseCode = "400", description = "No file part, a field too long, a focal point out of 0..1, or an image that is "
            + "empty, truncated, corrupt or over 50 megapixels",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too large", value = MediaExamples.TOO_MANY_PIXELS)))
    @APIResponse(responseCode = "413", description = "Over 25 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too large", value = MediaExamples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG, WebP or GIF image",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "svg", value = MediaExamples.SVG)))
    public RestResponse<MediaView> uploadForm(@RestForm("file") FileUpload file, @RestForm String alt, @RestForm String caption,
                                              @RestForm String credit, @RestForm String creator, @RestForm String focalPoint,
                                              @Context UriInfo uri) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw new InvalidInput("file", "is required: the image as a file part (curl -F file=@photo.jpg)");
        }
        if (file.size() > media.maxUploadSize()) {
            throw tooLarge(media.maxUploadSize());
        }
        MediaInput fields = new MediaInput(alt, caption, credit, creator, focalPoint(focalPoint));
        var violations = validator.validate(fields);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return created(media.upload(file.uploadedFile(), fields), uri);
    }

    @GET
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listMedia", summary = "List the media library, newest first",
            description = "Keyset-paged: follow next, or the Link header.")
    @APIResponse(responseCode = "200", description = "One page of images",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaList.class),
                    examples = @ExampleObject(name = "media", value = MediaExamples.LIST)))
    public RestResponse<Page<MediaView>> list(
            @Parameter(description = "The next of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY,
                    description = "Images a page, 1 to 100, 20 when left out",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageSize.parse(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor, MediaService.SORT);
        return media.list(after, size).answer(uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMedia", summary = "Get one image's record",
            description = "Public: what a page needs for srcset (every rendition with its URL, width, height and type) and to credit "
                    + "the picture.")
    @APIResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class),
                    examples = @ExampleObject(name = "media", value = MediaExamples.MEDIA)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<MediaView> get(@Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id,
                                       @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Answers.read(media.get(uuid(id)), ifNoneMatch);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchMedia", summary = "Change an image's alt text, caption, credit, creator or focal point",
            description = "RFC 7396 JSON Merge Patch; null clears a field (the focal point back to the centre). A new focal point "
                    + "makes new crops, under new file names (the old ones are removed), so a URL never changes what it serves. "
                    + "Articles keep the alt text, caption and credit they were written with.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = MediaInput.class), examples = @ExampleObject(name = "patch", value = MediaExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The patched image",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class),
                    examples = @ExampleObject(name = "media", value = MediaExamples.MEDIA)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public RestResponse<MediaView> patch(@Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id, String body,
                                         @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch)
            throws JsonProcessingException {
        return Answers.written(media.patch(uuid(id), body, ifMatch), null);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteMedia", summary = "Delete an image and its files",
            description = "Refused (409, naming them) while an article shows it as its hero image or in its body, or an author as "
                    + "a photo. Its files are removed; a CDN may still serve copies it kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "In use",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "in use", value = MediaExamples.IN_USE)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public RestResponse<Void> delete(@Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id,
                                     @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        media.delete(uuid(id), ifMatch);
        return RestResponse.noContent();
    }

    private static RestResponse<MediaView> created(Stored<MediaView> stored, UriInfo uri) {
        return Answers.written(stored, uri.getBaseUriBuilder().path(PATH).path(stored.body().id().toString()).build());
    }

    /** Copies the body to {@code file}, refusing it (413) as soon as it passes {@code limit}: a body sent without a length too. */
    private static void copyAtMost(InputStream body, java.nio.file.Path file, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = body.read(buffer)) >= 0; ) {
                copied += read;
                if (copied > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, read);
            }
        }
    }

    static Refused tooLarge(long limit) {
        return new Refused(413, "upload-too-large", "The image is larger than the limit of " + limit
                + " bytes (broadsheet.media.max-upload-size)");
    }

    /** "0.3,0.4" or {"x":0.3,"y":0.4}; the bounds are checked with the other fields. */
    static FocalPoint focalPoint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String plain = value.replaceAll("[\\s{}\"xy:]", "");
        String[] parts = plain.split(",");
        try {
            if (parts.length == 2) {
                return new FocalPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInput("focalPoint", "must be two fractions, x and y: 0.3,0.4");
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("media", id);
        }
    }

    /** The multipart form's shape, for the OpenAPI document. */
    @Schema(name = "MediaForm", requiredProperties = "file")
    record MediaForm(
            @Schema(type = SchemaType.STRING, format = "binary", description = "The image: JPEG, PNG, WebP or GIF") String file,
            @Schema(maxLength = 500, examples = "A tram crossing Rynok Square in the rain") String alt,
            @Schema(maxLength = 1000, examples = "Trams ran again on Monday morning") String caption,
            @Schema(maxLength = 300, examples = "Hanna Łukasik / Broadsheet") String credit,
            @Schema(maxLength = 300, examples = "Hanna Łukasik") String creator,
            @Schema(description = "x,y as fractions from the top left; the centre when left out", examples = "0.3,0.4") String focalPoint) {
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "MediaList", requiredProperties = "items")
    record MediaList(List<MediaView> items, @Schema(description = "The cursor of the next page; null on the last") String next) {
    }
}

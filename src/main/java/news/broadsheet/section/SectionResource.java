package news.broadsheet.section;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.auth.Roles;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.caching.Answers;
import news.broadsheet.web.caching.CachedAnswer;
import news.broadsheet.web.caching.PublicCollection;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

@Path("/api/v1/sections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sections")
public class SectionResource {

    private static final String SLUG_DOC = "The section's slug";

    private final SectionService sections;

    SectionResource(SectionService sections) {
        this.sections = sections;
    }

    @PublicCollection
    @CachedAnswer
    @Parameter(ref = "IfNoneMatch")
    @GET
    @Operation(operationId = "listSections", summary = "List all sections",
            description = "Every section, ordered by position then name; the tree is given by each section's parent. Never paged: next is always null.")
    @APIResponse(responseCode = "200", description = "All sections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SectionPage.class),
                    examples = @ExampleObject(name = "sections", value = SectionExamples.LIST)))
    public Page<SectionView> list() {
        return new Page<>(sections.list(), null, null);
    }

    @CachedAnswer
    @GET
    @Path("{slug}")
    @Operation(operationId = "getSection", summary = "Get one section",
            description = "A section by its slug; parent names the section above it. An old slug of a renamed section answers 301 to its current one.")
    @APIResponse(responseCode = "200", description = "The section",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SectionView.class),
                    examples = @ExampleObject(name = "section", value = SectionExamples.SECTION)))
    @APIResponse(responseCode = "301", ref = "MovedPermanently")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<SectionView> get(@Parameter(description = SLUG_DOC, example = "europe") @PathParam("slug") String slug,
                                         @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Answers.read(sections.get(slug), ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createSection", summary = "Create a section",
            description = "The slug is derived from the name when left out.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SectionInput.class), examples = @ExampleObject(name = "section", value = SectionExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new section",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SectionView.class),
                    examples = @ExampleObject(name = "section", value = SectionExamples.SECTION)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<SectionView> create(@Valid @NotNull SectionInput body, @Context UriInfo uri) {
        Stored<SectionView> created = sections.create(body);
        return Answers.written(created, location(uri, created.body().slug()));
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "putSection", summary = "Create or replace a section",
            description = "Idempotent: the body replaces every field; fields left out take their defaults.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SectionInput.class), examples = @ExampleObject(name = "section", value = SectionExamples.INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SectionView.class),
                    examples = @ExampleObject(name = "section", value = SectionExamples.SECTION)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SectionView.class),
                    examples = @ExampleObject(name = "section", value = SectionExamples.SECTION)))
    public RestResponse<SectionView> put(
            @Parameter(description = SLUG_DOC, example = "europe")
            @PathParam("slug") @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = Slugs.MAX_LENGTH) String slug,
            @Valid @NotNull SectionInput body, @Context UriInfo uri,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(ref = "IfNoneMatchOnPut") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Answers.written(sections.put(slug, body, ifMatch, ifNoneMatch), location(uri, slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchSection", summary = "Change some fields of a section",
            description = "RFC 7396 JSON Merge Patch: fields given replace, null removes (resets to its default), fields left out stay. A new slug renames the section.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = SectionInput.class), examples = @ExampleObject(name = "patch", value = SectionExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The patched section",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SectionView.class),
                    examples = @ExampleObject(name = "section", value = SectionExamples.SECTION)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<SectionView> patch(@Parameter(description = SLUG_DOC, example = "europe") @PathParam("slug") String slug,
                                           String body,
                                           @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch)
            throws JsonProcessingException {
        return Answers.written(sections.patch(slug, body, ifMatch), null);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteSection", summary = "Delete a section",
            description = "Only an empty section can go: while articles or child sections use it, the answer is 409.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@Parameter(description = SLUG_DOC, example = "local") @PathParam("slug") String slug,
                       @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        sections.delete(slug, ifMatch);
    }

    private static URI location(UriInfo uri, String slug) {
        return uri.getBaseUriBuilder().path(SectionResource.class).path(slug).build();
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "SectionList", requiredProperties = "items")
    record SectionPage(java.util.List<SectionView> items,
                       @Schema(description = "Always null: sections come in one page") String next) {
    }
}

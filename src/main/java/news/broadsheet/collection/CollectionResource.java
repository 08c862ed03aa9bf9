package news.broadsheet.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.identity.SecurityIdentity;
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
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections")
public class CollectionResource {

    private static final String SLUG_DOC = "The collection's slug";
    private static final String ETAG_DOC = "Two parts: the collection as editors wrote it, and the content it shows. If-None-Match "
            + "revalidates both; If-Match on PUT, PATCH and DELETE compares only the first, so a change to one of the articles "
            + "never makes an edit of the collection fail.";

    private final CollectionService collections;
    private final SecurityIdentity caller;

    CollectionResource(CollectionService collections, SecurityIdentity caller) {
        this.collections = collections;
        this.caller = caller;
    }

    @PublicCollection
    @CachedAnswer
    @Parameter(ref = "IfNoneMatch")
    @GET
    @Operation(operationId = "listCollections", summary = "List all collections",
            description = "Every collection by slug, without its articles. Never paged: next is always null.")
    @APIResponse(responseCode = "200", description = "All collections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionList.class),
                    examples = @ExampleObject(name = "collections", value = CollectionExamples.LIST)))
    public Page<CollectionSummary> list() {
        return new Page<>(collections.list(), null, null);
    }

    @CachedAnswer
    @GET
    @Path("{slug}")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "getCollection", summary = "Get one collection with its articles",
            description = "The articles as list items, in the editors' order. The public gets those published now: a draft, an "
                    + "archived or a deleted article is skipped, and a scheduled one appears at its time, without an error and "
                    + "through every cache. With a token, every article still in the collection, whatever its status. " + ETAG_DOC)
    @APIResponse(responseCode = "200", description = "The collection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class),
                    examples = @ExampleObject(name = "collection", value = CollectionExamples.COLLECTION)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<CollectionView> get(@Parameter(description = SLUG_DOC, example = "dont-miss") @PathParam("slug") String slug,
                                            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Answers.read(collections.get(slug, caller.hasRole(Roles.EDITOR)), ifNoneMatch);
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "putCollection", summary = "Create or replace a collection",
            description = "The whole collection at once: name, description and its articles in order (at most 100, each once). "
                    + "A slug that names no article, or one given twice, is a 400 naming it, and nothing changes. An identical "
                    + "rerun changes nothing, not even updatedAt. Send the ETag you read as If-Match so that two editors never "
                    + "overwrite each other's picks unseen (412).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CollectionInput.class), examples = @ExampleObject(name = "collection", value = CollectionExamples.INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced; the answer shows every article, as to editors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class),
                    examples = @ExampleObject(name = "collection", value = CollectionExamples.COLLECTION)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class),
                    examples = @ExampleObject(name = "collection", value = CollectionExamples.COLLECTION)))
    @APIResponse(responseCode = "400", description = "Invalid input: over 100 articles, a slug that names no article, or one given twice",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "articles", value = CollectionExamples.BAD_ARTICLES)))
    public RestResponse<CollectionView> put(
            @Parameter(description = SLUG_DOC, example = "dont-miss")
            @PathParam("slug") @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = Slugs.MAX_LENGTH) String slug,
            @Valid @NotNull CollectionInput body, @Context UriInfo uri,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(ref = "IfNoneMatchOnPut") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Answers.written(collections.put(slug, body, ifMatch, ifNoneMatch), location(uri, slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchCollection", summary = "Change some fields of a collection",
            description = "RFC 7396 JSON Merge Patch on the collection as PUT takes it (its articles as slugs): `articles`, an "
                    + "array, is replaced whole; a new slug renames the collection.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = CollectionInput.class), examples = @ExampleObject(name = "patch", value = CollectionExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The patched collection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class),
                    examples = @ExampleObject(name = "collection", value = CollectionExamples.COLLECTION)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<CollectionView> patch(@Parameter(description = SLUG_DOC, example = "dont-miss") @PathParam("slug") String slug,
                                              String body,
                                              @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch)
            throws JsonProcessingException {
        return Answers.written(collections.patch(slug, body, ifMatch), null);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteCollection", summary = "Delete a collection", description = "Its articles stay as they are.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@Parameter(description = SLUG_DOC, example = "weekend-reads") @PathParam("slug") String slug,
                       @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        collections.delete(slug, ifMatch);
    }

    private static URI location(UriInfo uri, String slug) {
        return uri.getBaseUriBuilder().path(CollectionResource.class).path(slug).build();
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "CollectionList", requiredProperties = "items")
    record CollectionList(List<CollectionSummary> items,
                          @Schema(description = "Always null: collections come in one page") String next) {
    }
}

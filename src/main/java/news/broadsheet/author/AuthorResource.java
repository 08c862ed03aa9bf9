package news.broadsheet.author;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.auth.Roles;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.QueryParameters;
import news.broadsheet.web.caching.Answers;
import news.broadsheet.web.caching.CachedAnswer;
import news.broadsheet.web.caching.PublicCollection;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.paging.PageSize;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
public class AuthorResource {

    private static final String SLUG_DOC = "The author's slug";

    private final AuthorService authors;
    private final SecurityIdentity caller;

    AuthorResource(AuthorService authors, SecurityIdentity caller) {
        this.authors = authors;
        this.caller = caller;
    }

    @PublicCollection
    @CachedAnswer
    @Parameter(ref = "IfNoneMatch")
    @GET
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listAuthors", summary = "List authors",
            description = "Authors credited on at least one published article, by slug, keyset-paged; with a token, every author "
                    + "(guests named by drafts too) with their email addresses.")
    @APIResponse(responseCode = "200", description = "One page of authors",
            headers = @Header(name = "Link", description = "`<url>; rel=\"next\"` while there is a next page", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorList.class),
                    examples = @ExampleObject(name = "authors", value = AuthorExamples.LIST)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public RestResponse<Page<AuthorView>> list(
            @Parameter(description = "Items a page, 1 to 100", example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "true adds total, the number of authors listed over all pages", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("count") String count,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageSize.parse(limit, errors);
        boolean withTotal = Boolean.TRUE.equals(QueryParameters.bool("count", count, errors));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return authors.list(size, cursor == null || cursor.isBlank() ? null : cursor, withTotal, isEditor()).answer(uri);
    }

    @CachedAnswer
    @GET
    @Path("{slug}")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "getAuthor", summary = "Get one author",
            description = "The public gets authors credited on a published article (others are 404, so a draft's guest is not "
                    + "revealed); with a token, any author, with the email address. Their articles: GET /api/v1/articles?author={slug}.")
    @APIResponse(responseCode = "200", description = "The author",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class),
                    examples = @ExampleObject(name = "author", value = AuthorExamples.AUTHOR)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<AuthorView> get(@Parameter(description = SLUG_DOC, example = "hanna-lukasik") @PathParam("slug") String slug,
                                        @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Answers.read(authors.get(slug, isEditor()), ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createAuthor", summary = "Create an author",
            description = "The slug is derived from the name when left out (a taken one gets -2, -3, ...). Bylines create authors "
                    + "too: an article naming someone new creates them with the name alone.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuthorInput.class), examples = @ExampleObject(name = "author", value = AuthorExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new author",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class),
                    examples = @ExampleObject(name = "author", value = AuthorExamples.AUTHOR)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<AuthorView> create(@Valid @NotNull AuthorInput body, @Context UriInfo uri) {
        Stored<AuthorView> created = authors.create(body);
        return Answers.written(created, location(uri, created.body().slug()));
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "putAuthor", summary = "Create or replace an author",
            description = "Idempotent: the body replaces every field (fields left out take their defaults), and an identical rerun "
                    + "changes nothing, not even updatedAt.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuthorInput.class), examples = @ExampleObject(name = "author", value = AuthorExamples.INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class),
                    examples = @ExampleObject(name = "author", value = AuthorExamples.AUTHOR)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class),
                    examples = @ExampleObject(name = "author", value = AuthorExamples.AUTHOR)))
    public RestResponse<AuthorView> put(
            @Parameter(description = SLUG_DOC, example = "hanna-lukasik")
            @PathParam("slug") @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = Slugs.MAX_LENGTH) String slug,
            @Valid @NotNull AuthorInput body, @Context UriInfo uri,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(ref = "IfNoneMatchOnPut") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Answers.written(authors.put(slug, body, ifMatch, ifNoneMatch), location(uri, slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchAuthor", summary = "Change some fields of an author",
            description = "RFC 7396 JSON Merge Patch: fields given replace, null removes (resets to its default), fields left out stay. "
                    + "A new slug renames the author; the articles crediting them follow, as they store the author, not the slug.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = AuthorInput.class), examples = @ExampleObject(name = "patch", value = AuthorExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The patched author",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class),
                    examples = @ExampleObject(name = "author", value = AuthorExamples.AUTHOR)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<AuthorView> patch(@Parameter(description = SLUG_DOC, example = "hanna-lukasik") @PathParam("slug") String slug,
                                          String body,
                                          @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch)
            throws JsonProcessingException {
        return Answers.written(authors.patch(slug, body, ifMatch), null);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteAuthor", summary = "Delete an author",
            description = "Only an author no article credits can go: while any article (draft, scheduled or published) names them, "
                    + "the answer is 409 with the number of those articles.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Articles still credit the author",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "author-in-use", value = AuthorExamples.IN_USE)))
    public void delete(@Parameter(description = SLUG_DOC, example = "ida-lindqvist") @PathParam("slug") String slug,
                       @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        authors.delete(slug, ifMatch);
    }

    private boolean isEditor() {
        return caller.hasRole(Roles.EDITOR);
    }

    private static URI location(UriInfo uri, String slug) {
        return uri.getBaseUriBuilder().path(AuthorResource.class).path(slug).build();
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "AuthorList", requiredProperties = "items")
    record AuthorList(List<AuthorView> items,
                      @Schema(description = "Cursor of the next page; null on the last page") String next,
                      @Schema(description = "Number of authors listed over all pages; only with count=true") Long total) {
    }
}

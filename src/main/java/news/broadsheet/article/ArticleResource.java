package news.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.auth.Roles;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.MergePatch;
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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private static final String SLUG_DOC = "The article's slug";
    private static final String MARKDOWN_STORY_DOC =
            "YAML front matter between '---' lines (the fields of ArticleInput but body; unknown keys are refused), then the Markdown body";

    private final ArticleService articles;
    private final ArticleUploads uploads;
    private final ArticleImport importer;
    private final SecurityIdentity caller;
    private final ArticleFormats formats;
    private final ArticlePreviews previews;
    private final ArticleRevisions revisions;

    ArticleResource(ArticleService articles, ArticleUploads uploads, ArticleImport importer, SecurityIdentity caller,
                    ArticleFormats formats, ArticlePreviews previews, ArticleRevisions revisions) {
        this.articles = articles;
        this.revisions = revisions;
        this.previews = previews;
        this.formats = formats;
        this.uploads = uploads;
        this.importer = importer;
        this.caller = caller;
    }

    @PublicCollection
    @CachedAnswer
    @Parameter(ref = "IfNoneMatch")
    @GET
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listArticles", summary = "List articles, newest first",
            description = "Published articles whose publishedAt has come, newest first, keyset-paged. "
                    + "Filters combine with AND. List items leave out body and bodyHtml. Editors may add `status` to see drafts, "
                    + "archived and scheduled articles.")
    @APIResponse(responseCode = "200", description = "One page of articles",
            headers = @Header(name = "Link", description = "`<url>; rel=\"next\"` while there is a next page", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleList.class),
                    examples = @ExampleObject(name = "articles", value = ArticleExamples.LIST)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", description = "A statement of this list or search ran past broadsheet.limits.query-timeout "
            + "(10 s) and was stopped (`query-timeout`: narrow the search, or leave out highlight or count); as many searches as "
            + "the instance runs at once (broadsheet.limits.concurrent-searches, 8) ran and none ended within 2 s (`searches-busy`); "
            + "with broadsheet.search.engine=opensearch, the search cluster does not answer, its first index is still being built, "
            + "or it missed changes that are being written again (`search-unavailable`: a search is refused rather than answered "
            + "with results that may be wrong; lists without q still answer); "
            + "or the database is unreachable (`database-unavailable`). Retry-After says when to try again.",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "query-timeout", value = ArticleExamples.QUERY_TIMEOUT),
                            @ExampleObject(name = "searches-busy", value = ArticleExamples.SEARCHES_BUSY),
                            @ExampleObject(name = "search-unavailable", value = ArticleExamples.SEARCH_UNAVAILABLE),
                            @ExampleObject(name = "database-unavailable", value = ArticleExamples.DATABASE_UNAVAILABLE)}))
    public RestResponse<Page<ArticleSummary>> list(@BeanParam ArticleListParameters parameters, @Context UriInfo uri) {
        ArticleQuery query = parameters.toQuery();
        if (parameters.asksForUnpublished()) {
            requireEditor();
        }
        return articles.list(query).answer(uri);
    }

    @CachedAnswer
    @GET
    @Path("{slug}")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "getArticle", summary = "Get one article in full",
            description = "The public gets published articles whose publishedAt has come; with an editor's token, any article; "
                    + "with `preview`, a preview link's token, the article whatever its status, to anyone, while the link works. "
                    + "An old slug of a renamed article answers 301 to its current slug.")
    @Produces({MediaType.APPLICATION_JSON, ArticleFormats.JSON_LD, ArticleFormats.NINJS})
    @APIResponse(responseCode = "200", description = "The article, in the media type that Accept prefers (q-values count, the order "
            + "does not; no Accept or `*/*` is JSON): the API's JSON; `application/ld+json`, schema.org NewsArticle structured data for "
            + "the article's page; or `application/ninjs+json`, an IPTC ninjs 3.1 news item. Each has its own ETag.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.ARTICLE)),
                    @Content(mediaType = ArticleFormats.JSON_LD, schema = @Schema(implementation = NewsArticleLd.class),
                            examples = @ExampleObject(name = "newsArticle", value = ArticleExamples.JSON_LD)),
                    @Content(mediaType = ArticleFormats.NINJS, schema = @Schema(implementation = NinjsDocument.class),
                            examples = @ExampleObject(name = "ninjs", value = ArticleExamples.NINJS))})
    @APIResponse(responseCode = "301", ref = "MovedPermanently")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "No such article, none the caller may see, or a preview token that does not "
            + "open this article now (expired, revoked, another article's or no token at all: the answer does not say which)",
            ref = "NotFound")
    public RestResponse<Object> get(@Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm")
                                    @PathParam("slug") String slug,
                                    @Parameter(description = "A preview link's token: the answer is then `Cache-Control: private, no-store` "
                                            + "with `X-Robots-Tag: noindex`, never kept by a shared cache")
                                    @QueryParam("preview") String preview,
                                    @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                    @Context Request request) {
        RestResponse<Object> answer = formats.answer(articles.get(slug, isEditor(), preview), request, ifNoneMatch);
        return preview == null ? answer : Answers.personal(answer);
    }

    @PublicCollection
    @CachedAnswer
    @Parameter(ref = "IfNoneMatch")
    @GET
    @Path("{slug}/related")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listRelatedArticles", summary = "List articles related to one",
            description = "Up to `limit` published articles that share tags, the section and words of the title with this one, most "
                    + "related first (each shared tag counts twice, the same section once, title and summary words up to four), "
                    + "then newest. Never the article itself, never a draft, archived or scheduled one. The public asks about "
                    + "published articles (others are 404); with a token, about any. Never paged: next is always null.")
    @APIResponse(responseCode = "200", description = "The related articles, as list items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleList.class),
                    examples = @ExampleObject(name = "related", value = ArticleExamples.RELATED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ArticleSummary> related(@Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm")
                                        @PathParam("slug") String slug,
                                        @Parameter(description = "How many, 1 to " + RelatedArticles.MAX, example = "5",
                                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20", defaultValue = "5"))
                                        @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageSize.parse(limit, RelatedArticles.DEFAULT, RelatedArticles.MAX, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return articles.related(slug, isEditor(), size);
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, ArticleUploads.MARKDOWN})
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createArticle", summary = "Create an article",
            description = "From JSON, or from a Markdown story (`text/markdown`, e.g. `curl --data-binary @story.md`) whose YAML "
                    + "front matter carries the fields and whose Markdown after it is the body. The slug is derived from the title "
                    + "when left out; bodyHtml, wordCount and readingTimeMinutes are computed.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleInput.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.INPUT)),
            @Content(mediaType = ArticleUploads.MARKDOWN, schema = @Schema(type = SchemaType.STRING,
                    description = MARKDOWN_STORY_DOC),
                    examples = @ExampleObject(name = "story", value = ArticleExamples.MARKDOWN_STORY))})
    @APIResponse(responseCode = "201", description = "Created; Location names the new article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.ARTICLE)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<ArticleView> create(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                            @Context UriInfo uri) throws JsonProcessingException {
        Stored<ArticleView> created = articles.create(uploads.read(contentType, body), writer());
        return Answers.written(created, location(uri, created.body().slug()));
    }

    @POST
    @Path("import")
    @Consumes(ArticleImport.NDJSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "importArticles", summary = "Import articles from NDJSON",
            description = "One article a line (the JSON of ArticleInput), upserted by slug; a line without a slug is keyed by the slug "
                    + "derived from its title. The body is streamed, so files of any size up to broadsheet.limits.max-import-size "
                    + "work; lines are written in batches of 500 lines or 4 MB, each in its own transaction. A bad line is reported "
                    + "with its problem and never stops the others; re-importing a file reports its lines as unchanged. An instance "
                    + "runs broadsheet.limits.concurrent-imports (2) imports at once and answers 429 with Retry-After to one more. "
                    + "If the database fails midway, the answer is a problem (503, or 500) that carries the report of the lines "
                    + "already stored; importing the file again finishes the job.")
    @RequestBody(required = true, content = @Content(mediaType = ArticleImport.NDJSON, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "two articles", ref = "ArticleImportFile")))
    @APIResponse(responseCode = "200", description = "What the import did, line by line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "report", value = ArticleExamples.IMPORT_REPORT)))
    @APIResponse(responseCode = "429", description = "As many imports as the instance runs at once are running; try again after "
            + "Retry-After seconds. Nothing was read or changed.", ref = "ImportsBusy")
    @APIResponse(responseCode = "503", description = "The database is unreachable. When the import had begun, the lines already "
            + "stored are reported; import the file again to finish (stored lines report as unchanged).",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(anyOf = {ImportInterruptedProblem.class, Problem.class}),
                    examples = @ExampleObject(name = "interrupted", value = ArticleExamples.IMPORT_INTERRUPTED)))
    @APIResponse(responseCode = "500", description = "The service failed (the error was logged with the reference in the detail). "
            + "When the import had begun, the lines already stored are reported.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(anyOf = {ImportInterruptedProblem.class, Problem.class}),
                    examples = @ExampleObject(name = "interrupted", value = ArticleExamples.IMPORT_FAILED)))
    public ImportReport importArticles(InputStream body) throws IOException {
        return importer.run(body, writer());
    }

    @PUT
    @Path("{slug}")
    @Consumes({MediaType.APPLICATION_JSON, ArticleUploads.MARKDOWN})
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "putArticle", summary = "Create or replace an article",
            description = "Idempotent, so scripts may rerun it: the body replaces every field (fields left out take their defaults), "
                    + "and an identical rerun changes nothing, not even updatedAt. JSON or a Markdown story, as for create.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleInput.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.INPUT)),
            @Content(mediaType = ArticleUploads.MARKDOWN, schema = @Schema(type = SchemaType.STRING,
                    description = MARKDOWN_STORY_DOC),
                    examples = @ExampleObject(name = "story", value = ArticleExamples.MARKDOWN_STORY))})
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.ARTICLE)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.ARTICLE)))
    public RestResponse<ArticleView> put(
            @Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm")
            @PathParam("slug") @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = Slugs.MAX_LENGTH) String slug,
            byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uri,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(ref = "IfNoneMatchOnPut") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws JsonProcessingException {
        return Answers.written(articles.put(slug, uploads.read(contentType, body), ifMatch, ifNoneMatch, writer()), location(uri, slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchArticle", summary = "Change some fields of an article",
            description = "RFC 7396 JSON Merge Patch: fields given replace, null removes (resets to its default), fields left out stay. "
                    + "A new slug renames the article.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = ArticleInput.class), examples = @ExampleObject(name = "patch", value = ArticleExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The patched article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.ARTICLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<ArticleView> patch(@Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm")
                                           @PathParam("slug") String slug, String body,
                                           @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch)
            throws JsonProcessingException {
        return Answers.written(articles.patch(slug, body, ifMatch, writer()), null);
    }

    @GET
    @Path("{slug}/revisions")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listRevisions", summary = "List an article's revisions, newest first",
            description = "Every saved state: one for the article as created, one more for each write that changed it (single "
                    + "writes, import lines, restores); writes that change nothing and correction notes add none. Keyset-paged.")
    @APIResponse(responseCode = "200", description = "One page of revisions",
            headers = @Header(name = "Link", description = "`<url>; rel=\"next\"` while there is a next page", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionList.class),
                    examples = @ExampleObject(name = "revisions", value = ArticleExamples.REVISIONS)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<Page<RevisionSummary>> listRevisions(
            @Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm") @PathParam("slug") String slug,
            @Parameter(description = "Items a page, 1 to 100", example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageSize.parse(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return revisions.list(slug, size, cursor == null || cursor.isBlank() ? null : cursor).answer(uri);
    }

    @GET
    @Path("{slug}/revisions/{number}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getRevision", summary = "Get one revision of an article in full",
            description = "The article as that revision left it, as an upload (ArticleInput): what restore would make current, "
                    + "and what a PUT could send back as it is.")
    @APIResponse(responseCode = "200", description = "The revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionView.class),
                    examples = @ExampleObject(name = "revision", value = ArticleExamples.REVISION)))
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The revision's section has been deleted since", ref = "Conflict")
    public RestResponse<RevisionView> getRevision(
            @Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm") @PathParam("slug") String slug,
            @Parameter(description = "The revision's number", example = "1") @PathParam("number") String number,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Answers.read(revisions.get(slug, number), ifNoneMatch);
    }

    @POST
    @Path("{slug}/revisions/{number}/restore")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "restoreRevision", summary = "Make a revision's state current",
            description = "Every field as that revision left it, but the slug, which stays (links keep working; rename with "
                    + "PATCH). The restore is itself a new revision, unless the article is in that state already. Send If-Match "
                    + "with the ETag you read, so a change made meanwhile is not undone unseen.")
    @APIResponse(responseCode = "200", description = "The article as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.ARTICLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The revision's section has been deleted since", ref = "Conflict")
    public RestResponse<ArticleView> restoreRevision(
            @Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm") @PathParam("slug") String slug,
            @Parameter(description = "The revision's number", example = "1") @PathParam("number") String number,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Answers.written(articles.restore(slug, number, ifMatch, writer()), null);
    }

    @POST
    @Path("{slug}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createCorrection", summary = "Add a correction, update or clarification note",
            description = "Appends a note that readers see with the article (`corrections`, oldest first). It moves the article's "
                    + "modifiedAt (the update time feeds and structured data give), updatedAt and ETag; notes are never edited or "
                    + "removed, only added. Answers the article as it is now.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CorrectionInput.class), examples = @ExampleObject(name = "correction", value = ArticleExamples.CORRECTION_INPUT)))
    @APIResponse(responseCode = "201", description = "The note was added; Location names the article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class),
                    examples = @ExampleObject(name = "article", value = ArticleExamples.CORRECTED_ARTICLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<ArticleView> correct(@Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm")
                                             @PathParam("slug") String slug, @Valid @NotNull CorrectionInput body, @Context UriInfo uri,
                                             @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Stored<ArticleView> corrected = articles.correct(slug, body, ifMatch, writer());
        return Answers.written(corrected, location(uri, corrected.body().slug()));
    }

    @POST
    @Path("{slug}/preview-links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createPreviewLink", summary = "Make a link that shows the article before it is published",
            description = "Anyone holding the link reads the article's current state, draft or scheduled, without a token, until "
                    + "it expires (24 hours unless expiresIn says otherwise, at most 30 days) or is revoked. Send it to a colleague "
                    + "or a frontend's preview page. The token is shown this once; only its hash is kept.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewLinkInput.class),
            examples = @ExampleObject(name = "a week", value = ArticleExamples.PREVIEW_LINK_INPUT)))
    @APIResponse(responseCode = "201", description = "The link; Location is its url",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreviewLinkView.class),
                    examples = @ExampleObject(name = "link", value = ArticleExamples.PREVIEW_LINK)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<PreviewLinkView> createPreviewLink(
            @Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm") @PathParam("slug") String slug,
            PreviewLinkInput body, @Context UriInfo uri) {
        ArticlePreviews.NewLink link = previews.create(slug, body, writer());
        URI url = uri.getBaseUriBuilder().path(ArticleResource.class).path(link.slug()).queryParam("preview", link.token()).build();
        return Answers.personal(RestResponse.ResponseBuilder.<PreviewLinkView>created(url)
                .entity(new PreviewLinkView(url.toString(), link.token(), link.expiresAt())).build());
    }

    @DELETE
    @Path("{slug}/preview-links")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "revokePreviewLinks", summary = "Revoke every preview link of an article",
            description = "Every link made for the article stops working at once (404). Links of other articles are untouched.")
    @APIResponse(responseCode = "204", description = "Revoked (also when there was none)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revokePreviewLinks(@Parameter(description = SLUG_DOC, example = "night-trains-return-to-the-alps-as-demand-doubles")
                                   @PathParam("slug") String slug) {
        previews.revoke(slug);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteArticle", summary = "Delete an article", description = "Deletes the article for good, with its corrections, preview links and old slugs; its slug becomes free.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@Parameter(description = SLUG_DOC, example = "lviv-s-trams-run-again-after-the-storm")
                       @PathParam("slug") String slug,
                       @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        articles.delete(slug, ifMatch);
    }

    /** The name of the token that writes, for revisions and notes. */
    private String writer() {
        return caller.getPrincipal().getName();
    }

    private boolean isEditor() {
        return caller.hasRole(Roles.EDITOR);
    }

    private void requireEditor() {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!isEditor()) {
            throw new io.quarkus.security.ForbiddenException();
        }
    }

    private static URI location(UriInfo uri, String slug) {
        return uri.getBaseUriBuilder().path(ArticleResource.class).path(slug).build();
    }

    /** The revisions list's shape, for the OpenAPI document. */
    @Schema(name = "RevisionList", requiredProperties = "items")
    record RevisionList(List<RevisionSummary> items,
                        @Schema(description = "Cursor of the next page; null on the last page") String next) {
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "ArticleList", requiredProperties = "items")
    record ArticleList(List<ArticleSummary> items,
                       @Schema(description = "Cursor of the next page; null on the last page") String next,
                       @Schema(description = "Number of matching articles; only with count=true") Long total) {
    }
}

package news.broadsheet.article;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.site.SiteAddresses;
import news.broadsheet.web.caching.CachedAnswer;
import news.broadsheet.web.caching.PublicCollection;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.NotImplemented;
import news.broadsheet.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URISyntaxException;

@Path("/api/v1/oembed")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
@PublicCollection
@CachedAnswer
public class OEmbedResource {

    private static final String EXAMPLE = """
            {"version": "1.0", "type": "rich", "title": "Lviv's trams run again after the storm", "author_name": "Hanna Łukasik",
             "author_url": "https://news.example/authors/hanna-lukasik", "provider_name": "Broadsheet",
             "provider_url": "https://news.example/", "cache_age": 60,
             "html": "<blockquote class=\\"broadsheet-embed\\" style=\\"...\\"><p ...><a href=\\"https://news.example/europe/lviv-s-trams-run-again-after-the-storm\\" ...>Lviv&#39;s trams run again after the storm</a></p>...</blockquote>",
             "width": 600, "height": 220}""";
    private static final String NOT_IMPLEMENTED = """
            {"type": "urn:broadsheet:problem:not-implemented", "title": "Not Implemented", "status": 501,
             "detail": "oEmbed answers in JSON only: leave out format or give format=json", "instance": "/api/v1/oembed"}""";

    private final ArticleService articles;
    private final SiteAddresses site;
    private final long cacheAge;

    OEmbedResource(ArticleService articles, SiteAddresses site, BroadsheetConfig config) {
        this.articles = articles;
        this.site = site;
        this.cacheAge = config.cache().maxAge().toSeconds();
    }

    @GET
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "oembed", summary = "oEmbed card of an article page",
            description = "An oEmbed 1.0 `rich` answer for the public article whose page (broadsheet.site.article-url) the `url` names: "
                    + "a self-contained HTML card (inline styles, escaped text, no script) with the title, summary, byline and links. "
                    + "Pages can name this endpoint for discovery with `<link rel=\"alternate\" type=\"application/json+oembed\" "
                    + "href=\"https://api.news.example/api/v1/oembed?url=...\">`.")
    @APIResponse(responseCode = "200", description = "The card",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OEmbed.class),
                    examples = @ExampleObject(name = "card", value = EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "501", description = "A format other than json (oEmbed's xml is not offered)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-implemented", value = NOT_IMPLEMENTED)))
    public OEmbed get(@Parameter(description = "The article's page on the public site", required = true,
                              example = "https://news.example/europe/lviv-s-trams-run-again-after-the-storm") @QueryParam("url") String url,
                      @Parameter(description = "`json`, the only format offered; `xml` is 501", example = "json",
                              schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "xml"})) @QueryParam("format") String format,
                      @Parameter(description = "The widest card the consumer can show, in pixels (the card is at most 600)", example = "500",
                              schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("maxwidth") String maxWidth,
                      @Parameter(description = "The tallest card the consumer can show, in pixels (the card is at most 220)", example = "300",
                              schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("maxheight") String maxHeight) {
        if (format != null && !format.equals("json")) {
            throw new NotImplemented("oEmbed answers in JSON only: leave out format or give format=json");
        }
        URI page = page(url);
        Integer width = pixels("maxwidth", maxWidth);
        Integer height = pixels("maxheight", maxHeight);
        SiteAddresses.ArticlePage named = site.articleAt(page).orElseThrow(() -> new NotFound("article page", url));
        ArticleView article = articles.getFollowingRenames(named.slug()).body();
        boolean renamed = !article.slug().equals(named.slug()); // a link shared before the rename: its section may be old too
        if (named.section() != null && !renamed && !named.section().equals(article.section().slug())) {
            throw new NotFound("article page", url);
        }
        return OEmbed.of(article, site, width, height, cacheAge);
    }

    private static URI page(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInput("url", "is required: the address of an article's page");
        }
        try {
            URI page = new URI(url.strip());
            if (page.getScheme() == null || !(page.getScheme().equals("http") || page.getScheme().equals("https")) || page.getHost() == null) {
                throw new InvalidInput("url", "must be an absolute http(s) address");
            }
            return page;
        } catch (URISyntaxException e) {
            throw new InvalidInput("url", "is not a valid address: " + e.getReason());
        }
    }

    private static Integer pixels(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            int pixels = Integer.parseInt(value);
            if (pixels >= 1) {
                return pixels;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInput(name, "must be a whole number of pixels, 1 or more");
    }
}

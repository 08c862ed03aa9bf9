package news.broadsheet.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.web.caching.CachedAnswer;
import news.broadsheet.web.caching.PublicCollection;
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

import java.net.URI;

@Path("/api/v1/feeds")
@Tag(name = "Feeds")
@PublicCollection
@CachedAnswer
public class FeedResource {

    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";
    private static final String AUTHOR_DOC = "Only articles this author (a slug) is credited on, the author's name in the feed's title; "
            + "an author that does not exist gives a feed without entries";
    private static final String SECTION_DOC = "Only this section and its child sections; a section that does not exist is a 400 (validation)";
    private static final String RSS_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">...</rss>";
    private static final String ATOM_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">...</feed>";
    private static final String JSON_FEED_EXAMPLE = """
                            {"version": "https://jsonfeed.org/version/1.1", "title": "Broadsheet", "home_page_url": "https://news.example/",
                             "feed_url": "https://api.news.example/api/v1/feeds/feed.json", "description": "The latest stories",
                             "items": [{"id": "urn:uuid:5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
                                        "url": "https://news.example/europe/lviv-trams-run-again", "title": "Lviv's trams run again",
                                        "content_html": "<p>Trams returned.</p>", "date_published": "2026-11-24T09:30:00Z",
                                        "date_modified": "2026-11-24T09:30:00Z", "authors": [{"name": "Hanna Łukasik"}], "tags": ["transport"]}]}""";

    private static final String HUB_DOC = "With a WebSub hub configured (broadsheet.websub.hub): `<hub>; rel=\"hub\", <topic>; rel=\"self\"`, "
            + "the hub to subscribe to and this feed's canonical address; the document names both too, and the hub is told of "
            + "every publication";

    private final Feeds feeds;
    private final WebSubTopics webSub;

    FeedResource(Feeds feeds, WebSubTopics webSub) {
        this.feeds = feeds;
        this.webSub = webSub;
    }

    /** The feed, with the Link header that names its WebSub hub and canonical address when a hub is configured. */
    private <T> RestResponse<T> answer(T feed, URI self) {
        var answer = RestResponse.ResponseBuilder.ok(feed);
        webSub.linkHeader(self).ifPresent(link -> answer.header("Link", link));
        return answer.build();
    }

    private URI self(UriInfo uri, String feed, String section, String author) {
        return webSub.self(uri.getRequestUri(), feed, section, author);
    }

    @GET
    @Path("rss.xml")
    @Produces({RSS, "application/xml", "text/xml"})
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "rssFeed", summary = "RSS 2.0 feed", description = "The 50 latest published articles, bodies in content:encoded; "
            + "a body over 50,000 characters of HTML is left out, its entry carries the summary and a link to the article.")
    @APIResponse(responseCode = "200", description = "An RSS 2.0 document",
            headers = @Header(name = "Link", description = HUB_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = RSS, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "rss", value = RSS_EXAMPLE)),
                    @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "rss", value = RSS_EXAMPLE)),
                    @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "rss", value = RSS_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<String> rss(@Parameter(description = SECTION_DOC, example = "europe") @QueryParam("section") String section,
                      @Parameter(description = AUTHOR_DOC, example = "hanna-lukasik") @QueryParam("author") String author,
                      @Context UriInfo uri) {
        URI self = self(uri, "rss.xml", blankToNull(section), blankToNull(author));
        return answer(feeds.xml(Feeds.RSS, blankToNull(section), blankToNull(author), self), self);
    }

    @GET
    @Path("atom.xml")
    @Produces({ATOM, "application/xml", "text/xml"})
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "atomFeed", summary = "Atom 1.0 feed", description = "The 50 latest published articles, bodies as HTML content; "
            + "a body over 50,000 characters of HTML is left out, its entry carries the summary and a link to the article.")
    @APIResponse(responseCode = "200", description = "An Atom 1.0 document",
            headers = @Header(name = "Link", description = HUB_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = ATOM, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "atom", value = ATOM_EXAMPLE)),
                    @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "atom", value = ATOM_EXAMPLE)),
                    @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "atom", value = ATOM_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<String> atom(@Parameter(description = SECTION_DOC, example = "europe") @QueryParam("section") String section,
                       @Parameter(description = AUTHOR_DOC, example = "hanna-lukasik") @QueryParam("author") String author,
                       @Context UriInfo uri) {
        URI self = self(uri, "atom.xml", blankToNull(section), blankToNull(author));
        return answer(feeds.xml(Feeds.ATOM, blankToNull(section), blankToNull(author), self), self);
    }

    @GET
    @Path("feed.json")
    @Produces({JSON_FEED, "application/json"})
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "jsonFeed", summary = "JSON Feed 1.1", description = "The 50 latest published articles, bodies in content_html; "
            + "a body over 50,000 characters of HTML is left out, its entry carries the summary and a link to the article.")
    @APIResponse(responseCode = "200", description = "A JSON Feed 1.1 document",
            headers = @Header(name = "Link", description = HUB_DOC, schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = JSON_FEED, schema = @Schema(implementation = JsonFeed.class),
                    examples = @ExampleObject(name = "feed", value = JSON_FEED_EXAMPLE)),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = JsonFeed.class),
                            examples = @ExampleObject(name = "feed", value = JSON_FEED_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<JsonFeed> json(@Parameter(description = SECTION_DOC, example = "europe") @QueryParam("section") String section,
                         @Parameter(description = AUTHOR_DOC, example = "hanna-lukasik") @QueryParam("author") String author,
                         @Context UriInfo uri) {
        URI self = self(uri, "feed.json", blankToNull(section), blankToNull(author));
        return answer(feeds.json(blankToNull(section), blankToNull(author), self), self);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

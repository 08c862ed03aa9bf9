package news.broadsheet.sitemap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.web.caching.Answers;
import news.broadsheet.web.caching.CachedAnswer;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.PublicCollection;
import news.broadsheet.web.caching.Stored;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

@Path("/")
@Tag(name = "Sitemaps")
@Produces(SitemapResource.XML)
public class SitemapResource {

    static final String XML = "application/xml";
    private static final String INDEX_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\
            <sitemap><loc>https://api.news.example/sitemaps/sections.xml</loc><lastmod>2026-11-24T09:30:00Z</lastmod></sitemap>\
            <sitemap><loc>https://api.news.example/sitemaps/news.xml</loc></sitemap>\
            <sitemap><loc>https://api.news.example/sitemaps/articles-2026-11.xml</loc><lastmod>2026-11-24T09:30:00Z</lastmod></sitemap>\
            </sitemapindex>""";
    private static final String PAGES_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\
            <url><loc>https://news.example/europe/lviv-trams-run-again</loc><lastmod>2026-11-24T09:30:00Z</lastmod></url>\
            </urlset>""";
    private static final String NEWS_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" \
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://news.example/europe/lviv-trams-run-again</loc>\
            <news:news><news:publication><news:name>Broadsheet</news:name><news:language>en</news:language></news:publication>\
            <news:publication_date>2026-11-24T09:30:00Z</news:publication_date><news:title>Lviv's trams run again</news:title>\
            </news:news></url></urlset>""";

    private final Sitemaps sitemaps;

    SitemapResource(Sitemaps sitemaps) {
        this.sitemaps = sitemaps;
    }

    @GET
    @Path("sitemap.xml")
    @PublicCollection
    @CachedAnswer
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "sitemapIndex", summary = "Sitemap index",
            description = "Names the sections' sitemap, the News sitemap and one sitemap per month of publication (UTC) that holds "
                    + "public articles, newest month first; a month of more than 50,000 articles is split in parts "
                    + "(`articles-2026-11.xml`, `articles-2026-11-2.xml`...). Its own addresses are this API's; the pages listed "
                    + "in the sitemaps are the public site's (broadsheet.site.*).")
    @APIResponse(responseCode = "200", description = "A sitemaps.org sitemap index",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "index", value = INDEX_EXAMPLE)))
    public String index(@Context UriInfo uri) {
        URI directory = uri.getBaseUriBuilder().path("sitemaps/").build();
        return written(out -> sitemaps.index(directory, out));
    }

    @GET
    @Path("sitemaps/sections.xml")
    @PublicCollection
    @CachedAnswer
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "sectionsSitemap", summary = "Sitemap of the section pages",
            description = "Every section's page (broadsheet.site.section-url); lastmod is the later of the section's last change "
                    + "and its latest publication.")
    @APIResponse(responseCode = "200", description = "A sitemaps.org sitemap",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "sections", value = PAGES_EXAMPLE)))
    public String sections() {
        return written(sitemaps::sections);
    }

    @GET
    @Path("sitemaps/news.xml")
    @Operation(operationId = "newsSitemap", summary = "Google News sitemap",
            description = "Public articles published in the last 48 hours, newest first, at most 1,000, with the publication's name "
                    + "and language (broadsheet.site.publication-name, broadsheet.site.language), publication time and title. "
                    + "It changes as time passes, not only on writes: its ETag is that of its bytes.")
    @APIResponse(responseCode = "200", description = "A sitemaps.org sitemap with Google's News extension",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "news", value = NEWS_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public RestResponse<String> news(@Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String body = written(sitemaps::news);
        return Answers.read(new Stored<>(body, ETags.of("news-sitemap", body), false), ifNoneMatch);
    }

    @GET
    @Path("sitemaps/articles-{month: [0-9]{4}-[0-9]{2}(-[0-9]+)?}.xml")
    @PublicCollection
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "monthSitemap", summary = "Sitemap of one month's articles",
            description = "The public articles published in one month (UTC), oldest first, with lastmod from their last change; at "
                    + "most 50,000, the next ones in part 2 and on. Streamed from the database as it is written.")
    @APIResponse(responseCode = "200", description = "A sitemaps.org sitemap",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "month", value = PAGES_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public StreamingOutput month(@Parameter(description = "The month, `YYYY-MM`; for the articles after its first 50,000, `YYYY-MM-N` "
            + "for part N (2 and on). A month without public articles is 404.", example = "2026-11",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}(-[0-9]+)?$")) @PathParam("month") String month) {
        SitemapContent.PartStart start = sitemaps.monthPart(month);
        return output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16_384);
            sitemaps.month(start, out);
            out.flush();
        };
    }

    private static String written(Consumer<StringWriter> document) {
        StringWriter out = new StringWriter();
        document.accept(out);
        return out.toString();
    }
}

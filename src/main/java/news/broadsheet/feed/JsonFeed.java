package news.broadsheet.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with the names that format gives its fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JsonFeed", description = "JSON Feed 1.1", requiredProperties = {"version", "title", "items"})
record JsonFeed(
        @Schema(examples = "https://jsonfeed.org/version/1.1") String version,
        @Schema(examples = "Broadsheet") String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        @Schema(description = "The WebSub hub to subscribe to, when one is configured") List<Hub> hubs,
        List<Item> items) {

    /** JSON Feed's hub object: {"type": "WebSub", "url"}. */
    @Schema(name = "JsonFeedHub", requiredProperties = {"type", "url"})
    record Hub(@Schema(examples = "WebSub") String type, @Schema(examples = "https://pubsubhubbub.appspot.com/") String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedItem", requiredProperties = {"id", "url", "title", "content_html", "date_published"})
    record Item(
            @Schema(examples = "urn:uuid:5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6") String id,
            @Schema(examples = "https://news.example/europe/lviv-trams-run-again") String url,
            String title,
            String summary,
            @JsonProperty("content_html") String contentHtml,
            String image,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<Author> authors,
            List<String> tags) {
    }

    @Schema(name = "JsonFeedAuthor")
    record Author(String name) {
    }
}

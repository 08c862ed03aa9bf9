package news.broadsheet.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import news.broadsheet.BroadsheetConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WebSub (W3C): with a hub configured (broadsheet.websub.hub), every feed names it and its own canonical address as
 * rel="hub" and rel="self", in the document and in a Link header, and the hub is told which of these topics changed
 * on every publication (through the webhooks' outbox: {@code news.broadsheet.webhook.WebSubHub}). The canonical
 * address is broadsheet.websub.api-url's, whatever host a request came through, so that it is the one subscribers
 * subscribe to and the hub is told about.
 */
@ApplicationScoped
public class WebSubTopics {

    private static final List<String> FEEDS = List.of("rss.xml", "atom.xml", "feed.json");

    private final Optional<String> hub;
    private final String apiUrl;

    WebSubTopics(BroadsheetConfig config) {
        this.hub = config.websub().hub().filter(url -> !url.isBlank());
        this.apiUrl = config.websub().apiUrl().replaceAll("/+$", "");
    }

    public Optional<String> hub() {
        return hub;
    }

    /** The feed's own address: the canonical topic while a hub is configured, else the address it was asked at. */
    URI self(URI requested, String feed, String section, String author) {
        if (hub.isEmpty()) {
            return requested;
        }
        return topic(feed, section, author);
    }

    /** The Link header of a feed answer: the hub and the topic, when a hub is configured. */
    Optional<String> linkHeader(URI self) {
        return hub.map(url -> "<" + url + ">; rel=\"hub\", <" + self + ">; rel=\"self\"");
    }

    /** The topics an article's change in this section (and its parents') changes: the site-wide feeds and the sections'. */
    public List<String> topicsFor(List<String> sections) {
        List<String> topics = new ArrayList<>();
        for (String feed : FEEDS) {
            topics.add(topic(feed, null, null).toString());
            for (String section : sections) {
                topics.add(topic(feed, section, null).toString());
            }
        }
        return topics;
    }

    private URI topic(String feed, String section, String author) {
        UriBuilder topic = UriBuilder.fromUri(apiUrl).path("/api/v1/feeds/").path(feed);
        if (section != null) {
            topic.queryParam("section", section);
        }
        if (author != null) {
            topic.queryParam("author", author);
        }
        return topic.build();
    }
}

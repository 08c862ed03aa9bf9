package news.broadsheet.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.site.SiteAddresses;
import news.broadsheet.web.Html;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** RSS 2.0 and Atom 1.0 written by ROME, JSON Feed 1.1 by Jackson; every link absolute, to the public site. */
@ApplicationScoped
class Feeds {

    static final String RSS = "rss_2.0";
    static final String ATOM = "atom_1.0";
    private static final Namespace ATOM_NAMESPACE = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final FeedEntries entries;
    private final BroadsheetConfig.Site site;
    private final SiteAddresses addresses;
    private final WebSubTopics webSub;

    Feeds(FeedEntries entries, BroadsheetConfig config, SiteAddresses addresses, WebSubTopics webSub) {
        this.entries = entries;
        this.site = config.site();
        this.addresses = addresses;
        this.webSub = webSub;
    }

    String xml(String type, String section, String author, URI self) {
        FeedEntries.Latest content = entries.latest(section, author);
        List<FeedEntry> latest = content.entries();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(title(content));
        feed.setDescription(site.description());
        feed.setLink(site.url());
        feed.setUri(self.toString());
        feed.setLanguage(addresses.language());
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setHref(self.toString());
        SyndLink home = new SyndLinkImpl();
        home.setRel("alternate");
        home.setHref(site.url());
        List<SyndLink> links = new ArrayList<>(List.of(home, selfLink));
        webSub.hub().ifPresent(url -> {
            SyndLink hub = new SyndLinkImpl();
            hub.setRel("hub");
            hub.setHref(url);
            links.add(hub);
        });
        feed.setLinks(links);
        feed.setPublishedDate(latest.isEmpty() ? new Date(0) : Date.from(latest.get(0).publishedAt()));
        // Atom entries without a byline take the feed's author (RFC 4287, 4.1.1): the publication
        SyndPerson publication = new SyndPersonImpl();
        publication.setName(site.title());
        publication.setUri(site.url());
        feed.setAuthors(List.of(publication));
        feed.setEntries(latest.stream().map(entry -> entry(entry, type)).toList());
        try {
            WireFeed wire = feed.createWireFeed();
            if (wire instanceof com.rometools.rome.feed.atom.Feed atom) {
                // ROME gives an entry without authors an empty <author><name/></author>; it takes the feed's instead
                atom.getEntries().forEach(entry -> entry.setAuthors(entry.getAuthors().stream()
                        .filter(person -> person.getName() != null && !person.getName().isBlank()).toList()));
            }
            if (RSS.equals(type)) {
                // RSS has no links of these kinds: Atom's, where feed readers and WebSub hubs look for them
                Document document = new WireFeedOutput().outputJDom(wire);
                Element channel = document.getRootElement().getChild("channel");
                channel.addNamespaceDeclaration(ATOM_NAMESPACE);
                channel.addContent(0, atomLink("self", self.toString()));
                webSub.hub().ifPresent(url -> channel.addContent(1, atomLink("hub", url)));
                return new XMLOutputter(Format.getPrettyFormat()).outputString(document);
            }
            return new WireFeedOutput().outputString(wire, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Writing the " + type + " feed failed", e);
        }
    }

    private static Element atomLink(String rel, String href) {
        return new Element("link", ATOM_NAMESPACE).setAttribute("rel", rel).setAttribute("href", href);
    }

    JsonFeed json(String section, String author, URI self) {
        FeedEntries.Latest content = entries.latest(section, author);
        List<FeedEntry> latest = content.entries();
        return new JsonFeed("https://jsonfeed.org/version/1.1", title(content), site.url(), self.toString(),
                site.description(), webSub.hub().map(url -> List.of(new JsonFeed.Hub("WebSub", url))).orElse(null), latest.stream().map(entry -> new JsonFeed.Item(
                        "urn:uuid:" + entry.id(), articleUrl(entry), entry.title(), entry.summary(), content(entry), entry.imageUrl(),
                        entry.publishedAt(), entry.modifiedAt(),
                        entry.authors().isEmpty() ? null : entry.authors().stream().map(JsonFeed.Author::new).toList(),
                        entry.tags().isEmpty() ? null : entry.tags())).toList());
    }

    /** The body, or for one too long to carry in a feed its summary and a link to the article. */
    private String content(FeedEntry article) {
        if (article.bodyHtml() != null) {
            return article.bodyHtml();
        }
        return (article.summary() == null ? "" : "<p>" + Html.escape(article.summary()) + "</p>")
                + "<p><a href=\"" + Html.escape(articleUrl(article)) + "\">Read the whole article</a></p>";
    }

    private SyndEntry entry(FeedEntry article, String type) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(article.title());
        entry.setLink(articleUrl(article));
        entry.setUri("urn:uuid:" + article.id());
        entry.setPublishedDate(Date.from(article.publishedAt()));
        entry.setUpdatedDate(Date.from(article.modifiedAt())); // a correction or update note, not every typo fix
        if (article.summary() != null) {
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(article.summary());
            entry.setDescription(summary);
        }
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(content(article));
        entry.setContents(List.of(content));
        if (article.imageType() != null) { // RSS <enclosure>, an Atom link rel="enclosure": readers show it as the entry's picture
            SyndEnclosure image = new SyndEnclosureImpl();
            image.setUrl(article.imageUrl());
            image.setType(article.imageType());
            image.setLength(article.imageLength());
            entry.setEnclosures(List.of(image));
        }
        if (RSS.equals(type)) {
            // RSS 2.0's own <author> must be an e-mail address; bylines go in Dublin Core's dc:creator, one each
            DCModule dublinCore = new DCModuleImpl();
            dublinCore.setCreators(article.authors());
            entry.getModules().add(dublinCore);
        } else {
            List<SyndPerson> authors = new ArrayList<>();
            for (String name : article.authors()) {
                SyndPerson author = new SyndPersonImpl();
                author.setName(name);
                authors.add(author);
            }
            entry.setAuthors(authors);
        }
        List<SyndCategory> categories = new ArrayList<>();
        SyndCategory section = new SyndCategoryImpl();
        section.setName(article.sectionName());
        categories.add(section);
        for (String tag : article.tags()) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(tag);
            categories.add(category);
        }
        entry.setCategories(categories);
        return entry;
    }

    private String title(FeedEntries.Latest content) {
        StringBuilder title = new StringBuilder(site.title());
        if (content.sectionName() != null) {
            title.append(": ").append(content.sectionName());
        }
        if (content.authorName() != null) {
            title.append(content.sectionName() == null ? ": " : ", ").append(content.authorName());
        }
        return title.toString();
    }

    private String articleUrl(FeedEntry entry) {
        return addresses.article(entry.sectionSlug(), entry.slug());
    }
}

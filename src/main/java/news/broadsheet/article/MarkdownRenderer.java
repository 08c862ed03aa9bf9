package news.broadsheet.article;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.media.MediaReferences;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Markdown to safe HTML: CommonMark renders (raw HTML in the source is allowed through to the sanitizer),
 * then the OWASP sanitizer keeps only editorial markup, so no script, handler, frame or style survives.
 */
@ApplicationScoped
public class MarkdownRenderer {

    static final int WORDS_PER_MINUTE = 230;

    public record Rendered(String html, int wordCount, int readingTimeMinutes) {
    }

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
                    "pre", "code", "em", "strong", "b", "i", "del", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q",
                    "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title", "width", "height").onElements("img")
            // a media library image's renditions (media:<id> in the Markdown); each URL of srcset passes the protocol check
            .allowAttributes("srcset").onElements("img")
            .allowAttributes("sizes").matching(Pattern.compile("[0-9a-z(): ,.-]{1,200}")).onElements("img")
            .allowAttributes("loading").matching(true, "lazy").onElements("img")
            .allowAttributes("decoding").matching(true, "async").onElements("img")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#-]{1,40}")).onElements("code")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private final List<Extension> extensions = List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(extensions).build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(extensions).build();

    public Rendered render(String markdown) {
        return render(markdown, id -> Optional.empty());
    }

    /**
     * With the images of the media library a body shows as {@code ![alt](media:<id>)}: each becomes an {@code <img>} with
     * its renditions in srcset, sizes, width, height and lazy loading; {@code images} finds them.
     */
    public Rendered render(String markdown, Function<UUID, Optional<MediaReferences.BodyImage>> images) {
        Node document = parser.parse(markdown);
        HtmlRenderer renderer = markdown.contains("media:")
                ? HtmlRenderer.builder().extensions(extensions).attributeProviderFactory(context -> new MediaImages(images)).build()
                : html;
        String safeHtml = POLICY.sanitize(renderer.render(document));
        int words = countWords(text.render(document));
        int minutes = words == 0 ? 0 : Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
        return new Rendered(safeHtml, words, minutes);
    }

    /** Turns the attributes of {@code ![alt](media:<id>)} into those of the image's renditions. */
    private record MediaImages(Function<UUID, Optional<MediaReferences.BodyImage>> images) implements AttributeProvider {

        private static final String SCHEME = "media:";

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            String src = attributes.get("src");
            if (!(node instanceof Image) || src == null || !src.startsWith(SCHEME)) {
                return;
            }
            UUID id;
            try {
                id = UUID.fromString(src.substring(SCHEME.length()));
            } catch (IllegalArgumentException e) {
                return; // left as it is, the sanitizer drops the src of an unknown scheme
            }
            images.apply(id).ifPresent(image -> {
                attributes.put("src", image.src());
                attributes.put("srcset", image.srcset());
                attributes.put("sizes", image.sizes());
                attributes.put("width", Integer.toString(image.width()));
                attributes.put("height", Integer.toString(image.height()));
                attributes.put("loading", "lazy");
                attributes.put("decoding", "async");
            });
        }
    }

    /** Whitespace-separated tokens with at least one letter or digit; a plain loop, as imports run it on every body. */
    static int countWords(String plainText) {
        int count = 0;
        boolean inToken = false;
        boolean tokenHasWord = false;
        for (int i = 0; i < plainText.length(); i++) {
            char c = plainText.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inToken && tokenHasWord) {
                    count++;
                }
                inToken = false;
                tokenHasWord = false;
            } else {
                inToken = true;
                tokenHasWord |= Character.isLetterOrDigit(c);
            }
        }
        return inToken && tokenHasWord ? count + 1 : count;
    }
}

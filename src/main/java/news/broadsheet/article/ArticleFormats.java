package news.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;
import news.broadsheet.site.SiteAddresses;
import news.broadsheet.web.caching.Answers;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.Stored;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * One article in the media type the request's Accept prefers (q-values, in any order): the API's JSON, schema.org
 * structured data, or IPTC ninjs. Each has an ETag of its own.
 */
@ApplicationScoped
class ArticleFormats {

    static final String JSON_LD = "application/ld+json";
    static final String NINJS = "application/ninjs+json";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.valueOf(JSON_LD), MediaType.valueOf(NINJS)).build();

    private final SiteAddresses site;
    private final ArticleService articles;
    private final ObjectWriter json;
    private final ObjectWriter scriptSafeJson;

    ArticleFormats(SiteAddresses site, ArticleService articles, ObjectMapper mapper) {
        this.site = site;
        this.articles = articles;
        this.json = mapper.writer();
        this.scriptSafeJson = mapper.writer().with(new ScriptSafe());
    }

    RestResponse<Object> answer(Stored<ArticleView> article, Request request, String ifNoneMatch) {
        Variant chosen = request.selectVariant(VARIANTS);
        MediaType type = chosen == null ? MediaType.APPLICATION_JSON_TYPE : chosen.getMediaType();
        Stored<?> answer = switch (type.toString()) {
            case JSON_LD -> written(article, type, scriptSafeJson, NewsArticleLd.of(article.body(), site));
            case NINJS -> written(article, type, json, NinjsDocument.of(article.body(), ETags.unquoted(article.etag()),
                    articles.isScheduled(article.body()), site));
            default -> article;
        };
        return Answers.read(answer, ifNoneMatch, type);
    }

    private static Stored<String> written(Stored<ArticleView> article, MediaType type, ObjectWriter writer, Object document) {
        try {
            return new Stored<>(writer.writeValueAsString(document), ETags.of(article.etag(), type.toString()), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing an article as " + type + " failed", e);
        }
    }

    /** JSON that can stand inside an HTML script element: no {@code </script>}, no comment openers, no JS line ends. */
    private static final class ScriptSafe extends CharacterEscapes {
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int character) {
            return character == 0x2028 || character == 0x2029 ? new SerializedString(String.format("\\u%04x", character)) : null;
        }
    }
}

package news.broadsheet.article;

import news.broadsheet.web.Html;

import java.util.regex.Pattern;

/** Search snippets from Markdown source: HTML-escaped, Markdown punctuation dropped, matches in {@code <mark>}. */
final class Snippets {

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MARKUP = Pattern.compile("(^|\\s)[#>]+\\s|[*_`~]+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Snippets() {
    }

    /** {@code text} marks matches between U+0002 and U+0003, as ts_headline was asked to. */
    static String toHtml(String text) {
        if (text == null) {
            return null;
        }
        String plain = SPACE.matcher(MARKUP.matcher(LINK.matcher(text).replaceAll("$1")).replaceAll("$1")).replaceAll(" ").strip();
        return Html.escape(plain).replace("\u0002", "<mark>").replace("\u0003", "</mark>");
    }
}

package news.broadsheet.article;

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
        StringBuilder html = new StringBuilder(plain.length() + 32);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\u0002' -> html.append("<mark>");
                case '\u0003' -> html.append("</mark>");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}

package news.broadsheet.web;

/** Text for XML documents (feeds, sitemaps). */
public final class Xml {

    private Xml() {
    }

    /**
     * Text as XML 1.0 can carry it: the API refuses other characters (StrictJson), but rows written before it did, or by
     * hand, must not make a feed or sitemap fail for every reader.
     */
    public static String text(String text) {
        if (text == null || StrictJson.firstCharacterXmlCannotCarry(text) < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}

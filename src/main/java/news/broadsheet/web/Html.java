package news.broadsheet.web;

/** Text made safe to place in HTML, between tags or in a quoted attribute (either quote). */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

package news.broadsheet.sitemap;

import news.broadsheet.web.Xml;

import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** One sitemap or sitemap index (sitemaps.org 0.9, Google's News extension), written element by element as it goes. */
final class SitemapDocument implements AutoCloseable {

    static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;

    private SitemapDocument(Writer out, String root, boolean news) {
        try {
            xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(SITEMAPS);
            if (news) {
                xml.writeNamespace("news", NEWS);
            }
        } catch (XMLStreamException e) {
            throw new SitemapNotWritten(e);
        }
    }

    static SitemapDocument index(Writer out) {
        return new SitemapDocument(out, "sitemapindex", false);
    }

    static SitemapDocument pages(Writer out) {
        return new SitemapDocument(out, "urlset", false);
    }

    static SitemapDocument news(Writer out) {
        return new SitemapDocument(out, "urlset", true);
    }

    void sitemap(String location, Instant lastModified) {
        entry("sitemap", location, lastModified);
    }

    void page(String location, Instant lastModified) {
        entry("url", location, lastModified);
    }

    void newsPage(String location, String publication, String language, Instant published, String title) {
        try {
            xml.writeStartElement("url");
            element("loc", location);
            xml.writeStartElement("news", "news", NEWS);
            xml.writeStartElement("news", "publication", NEWS);
            newsElement("name", publication);
            newsElement("language", language);
            xml.writeEndElement();
            newsElement("publication_date", w3c(published));
            newsElement("title", Xml.text(title));
            xml.writeEndElement();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new SitemapNotWritten(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new SitemapNotWritten(e);
        }
    }

    private void entry(String name, String location, Instant lastModified) {
        try {
            xml.writeStartElement(name);
            element("loc", location);
            if (lastModified != null) {
                element("lastmod", w3c(lastModified));
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new SitemapNotWritten(e);
        }
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void newsElement(String name, String text) throws XMLStreamException {
        xml.writeStartElement("news", name, NEWS);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** W3C Datetime to the second, in UTC, as sitemaps and the News extension take it. */
    private static String w3c(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Writing failed: the client went away mid-answer, or the writer broke. */
    static final class SitemapNotWritten extends RuntimeException {
        SitemapNotWritten(Exception cause) {
            super("Writing a sitemap failed: " + cause.getMessage(), cause);
        }
    }
}

package news.broadsheet.article;

/** Example payloads shown in the OpenAPI document. */
final class ArticleExamples {
    static final String INPUT = """
            {"title": "Lviv's trams run again after the storm", "subtitle": "Crews cleared the lines overnight",
             "summary": "All twelve lines are running, the city says.",
             "body": "Trams returned to **all twelve lines** on Monday.\\n\\n> We worked through the night, said a driver.\\n",
             "section": "europe", "tags": ["transport", "lviv"], "authors": ["Hanna Łukasik"], "dateline": "Lviv",
             "heroImage": {"url": "https://images.example.org/lviv-tram.jpg", "alt": "A tram crossing Rynok Square in the rain",
                           "caption": "Trams ran again on Monday morning", "credit": "Hanna Łukasik"},
             "featured": false, "status": "PUBLISHED", "publishedAt": "2026-11-24T09:30:00Z"}""";
    static final String ARTICLE = """
            {"id": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "slug": "lviv-s-trams-run-again-after-the-storm",
             "title": "Lviv's trams run again after the storm", "subtitle": "Crews cleared the lines overnight",
             "summary": "All twelve lines are running, the city says.",
             "body": "Trams returned to **all twelve lines** on Monday.\\n\\n> We worked through the night, said a driver.\\n",
             "bodyHtml": "<p>Trams returned to <strong>all twelve lines</strong> on Monday.</p>\\n<blockquote>\\n<p>We worked through the night, said a driver.</p>\\n</blockquote>\\n",
             "section": {"slug": "europe", "name": "Europe"}, "tags": ["transport", "lviv"], "authors": ["Hanna Łukasik"],
             "dateline": "Lviv",
             "heroImage": {"url": "https://images.example.org/lviv-tram.jpg", "alt": "A tram crossing Rynok Square in the rain",
                           "caption": "Trams ran again on Monday morning", "credit": "Hanna Łukasik"},
             "featured": false, "status": "PUBLISHED", "publishedAt": "2026-11-24T09:30:00Z",
             "createdAt": "2026-11-24T08:05:00Z", "updatedAt": "2026-11-24T09:30:00Z", "wordCount": 15, "readingTimeMinutes": 1}""";
    static final String LIST = """
            {"items": [
              {"id": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "slug": "lviv-s-trams-run-again-after-the-storm",
               "title": "Lviv's trams run again after the storm", "subtitle": "Crews cleared the lines overnight",
               "summary": "All twelve lines are running, the city says.", "section": {"slug": "europe", "name": "Europe"},
               "tags": ["transport", "lviv"], "authors": ["Hanna Łukasik"], "dateline": "Lviv",
               "heroImage": {"url": "https://images.example.org/lviv-tram.jpg", "alt": "A tram crossing Rynok Square in the rain",
                             "caption": "Trams ran again on Monday morning", "credit": "Hanna Łukasik"},
               "featured": false, "status": "PUBLISHED", "publishedAt": "2026-11-24T09:30:00Z",
               "createdAt": "2026-11-24T08:05:00Z", "updatedAt": "2026-11-24T09:30:00Z", "wordCount": 15, "readingTimeMinutes": 1}],
             "next": "djF8LXB1Ymxpc2hlZEF0fDIwMjYtMTEtMjRUMDk6MzA6MDBafDVkMWUyZjNhLTRiNWMtNGQ2ZS04ZjcwLTgxOTJhM2I0YzVkNg",
             "total": 314}""";
    static final String MARKDOWN_STORY = """
            ---
            title: Lviv's trams run again after the storm
            section: europe
            tags: [transport, lviv]
            authors: [Hanna Łukasik]
            dateline: Lviv
            status: PUBLISHED
            publishedAt: 2026-11-24T09:30:00Z
            heroImage:
              url: https://images.example.org/lviv-tram.jpg
              alt: A tram crossing Rynok Square in the rain
            ---
            Trams returned to **all twelve lines** on Monday.

            > We worked through the night, said a driver.
            """;
    static final String IMPORT_REPORT = """
            {"created": 1, "updated": 0, "unchanged": 0, "rejectedCount": 1, "rejected": [
              {"line": 2, "problem": {"type": "urn:broadsheet:problem:validation", "title": "Bad Request", "status": 400,
                                      "detail": "The field 'section' must name an existing section; there is no 'europe'",
                                      "errors": [{"field": "section", "message": "must name an existing section; there is no 'europe'"}]}}]}""";
    static final String IMPORT_INTERRUPTED = """
            {"type": "urn:broadsheet:problem:import-interrupted", "title": "Service Unavailable", "status": 503,
             "detail": "The import stopped after line 1200 was read: The database is unreachable right now; what this request had not committed was rolled back. Try again in a few seconds. The lines reported as created, updated or unchanged are stored. Import the file again to finish: stored lines report as unchanged",
             "instance": "/api/v1/articles/import",
             "report": {"created": 1000, "updated": 0, "unchanged": 0, "rejectedCount": 0, "rejected": []}}""";
    static final String IMPORT_FAILED = """
            {"type": "urn:broadsheet:problem:import-interrupted", "title": "Internal Server Error", "status": 500,
             "detail": "The import stopped after line 1201 was read: The service failed to answer; the error was logged with reference 484271a4-9a64-43ed-9156-2d380e0566f4. The lines reported as created, updated or unchanged are stored. Import the file again to finish: stored lines report as unchanged",
             "instance": "/api/v1/articles/import",
             "report": {"created": 1000, "updated": 0, "unchanged": 0, "rejectedCount": 0, "rejected": []}}""";
    static final String QUERY_TIMEOUT = """
            {"type": "urn:broadsheet:problem:query-timeout", "title": "Service Unavailable", "status": 503,
             "detail": "The query ran out of time and was stopped. A narrower search (fewer common words, a section or tag, no highlight, no count) answers sooner; or try again in a while",
             "instance": "/api/v1/articles"}""";
    static final String SEARCHES_BUSY = """
            {"type": "urn:broadsheet:problem:searches-busy", "title": "Service Unavailable", "status": 503,
             "detail": "8 searches are running on this instance; try again in 5 seconds",
             "instance": "/api/v1/articles"}""";
    static final String DATABASE_UNAVAILABLE = """
            {"type": "urn:broadsheet:problem:database-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "The database is unreachable right now; what this request had not committed was rolled back. Try again in a few seconds",
             "instance": "/api/v1/articles"}""";
    static final String PATCH = """
            {"summary": "All twelve lines and the night buses are running.", "featured": true, "heroImage": null}""";

    private ArticleExamples() {
    }
}

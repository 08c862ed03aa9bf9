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
             "section": {"slug": "europe", "name": "Europe"}, "tags": ["transport", "lviv"], "authors": [{"slug": "hanna-lukasik", "name": "Hanna Łukasik"}],
             "dateline": "Lviv",
             "heroImage": {"url": "https://images.example.org/lviv-tram.jpg", "alt": "A tram crossing Rynok Square in the rain",
                           "caption": "Trams ran again on Monday morning", "credit": "Hanna Łukasik"},
             "featured": false, "status": "PUBLISHED", "publishedAt": "2026-11-24T09:30:00Z", "modifiedAt": "2026-11-24T09:30:00Z",
             "createdAt": "2026-11-24T08:05:00Z", "updatedAt": "2026-11-24T09:30:00Z", "wordCount": 15, "readingTimeMinutes": 1,
             "corrections": []}""";
    static final String CORRECTED_ARTICLE = """
            {"id": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "slug": "lviv-s-trams-run-again-after-the-storm",
             "title": "Lviv's trams run again after the storm", "subtitle": "Crews cleared the lines overnight",
             "summary": "All twelve lines are running, the city says.",
             "body": "Trams returned to **all twelve lines** on Monday.\\n\\n> We worked through the night, said a driver.\\n",
             "bodyHtml": "<p>Trams returned to <strong>all twelve lines</strong> on Monday.</p>\\n<blockquote>\\n<p>We worked through the night, said a driver.</p>\\n</blockquote>\\n",
             "section": {"slug": "europe", "name": "Europe"}, "tags": ["transport", "lviv"], "authors": [{"slug": "hanna-lukasik", "name": "Hanna Łukasik"}],
             "dateline": "Lviv",
             "heroImage": {"url": "https://images.example.org/lviv-tram.jpg", "alt": "A tram crossing Rynok Square in the rain",
                           "caption": "Trams ran again on Monday morning", "credit": "Hanna Łukasik"},
             "featured": false, "status": "PUBLISHED", "publishedAt": "2026-11-24T09:30:00Z", "modifiedAt": "2026-11-24T11:10:00Z",
             "createdAt": "2026-11-24T08:05:00Z", "updatedAt": "2026-11-24T11:10:00Z", "wordCount": 15, "readingTimeMinutes": 1,
             "corrections": [{"kind": "CORRECTION", "createdAt": "2026-11-24T11:10:00Z",
                              "text": "An earlier version of this article gave the wrong number of tram lines; there are twelve."}]}""";
    static final String REVISIONS = """
            {"items": [
              {"number": 3, "createdAt": "2026-11-24T10:02:00Z", "by": "night-desk", "changed": ["title", "body"]},
              {"number": 2, "createdAt": "2026-11-24T09:30:00Z", "by": "night-desk", "changed": ["status", "publishedAt"]},
              {"number": 1, "createdAt": "2026-11-24T08:05:00Z", "by": "hanna", "changed": ["slug", "title", "subtitle", "summary",
               "body", "section", "tags", "authors", "dateline", "heroImage", "status"]}],
             "next": null}""";
    static final String REVISION = """
            {"number": 1, "createdAt": "2026-11-24T08:05:00Z", "by": "hanna",
             "changed": ["slug", "title", "subtitle", "summary", "body", "section", "tags", "authors", "dateline", "heroImage", "status"],
             "article": {"slug": "lviv-s-trams-run-again-after-the-storm", "title": "Lviv's trams run again after the storm",
               "subtitle": "Crews cleared the lines overnight", "summary": "All twelve lines are running, the city says.",
               "body": "Trams returned to **all twelve lines** on Monday.\\n", "section": {"slug": "europe"},
               "tags": ["transport", "lviv"], "authors": ["hanna-lukasik"], "dateline": "Lviv",
               "heroImage": {"url": "https://images.example.org/lviv-tram.jpg", "alt": "A tram crossing Rynok Square in the rain",
                             "caption": "Trams ran again on Monday morning", "credit": "Hanna Łukasik"},
               "featured": false, "status": "DRAFT", "publishedAt": null}}""";
    static final String CORRECTION_INPUT = """
            {"kind": "CORRECTION", "text": "An earlier version of this article gave the wrong number of tram lines; there are twelve."}""";
    static final String PREVIEW_LINK_INPUT = """
            {"expiresIn": "P7D"}""";
    static final String PREVIEW_LINK = """
            {"url": "https://news.example/api/v1/articles/lviv-s-trams-run-again-after-the-storm?preview=pQx0sV9b2mKJ7c1yT4wZ8nR3dF6hL5eA0uG2iO9kB1s",
             "token": "pQx0sV9b2mKJ7c1yT4wZ8nR3dF6hL5eA0uG2iO9kB1s", "expiresAt": "2026-12-01T09:30:00Z"}""";
    static final String JSON_LD = """
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Lviv's trams run again after the storm",
             "alternativeHeadline": "Crews cleared the lines overnight", "description": "All twelve lines are running, the city says.",
             "mainEntityOfPage": {"@type": "WebPage", "@id": "https://news.example/europe/lviv-s-trams-run-again-after-the-storm"},
             "url": "https://news.example/europe/lviv-s-trams-run-again-after-the-storm",
             "image": ["https://images.example.org/lviv-tram.jpg"],
             "datePublished": "2026-11-24T09:30:00Z", "dateModified": "2026-11-24T09:30:00Z",
             "author": [{"@type": "Person", "name": "Hanna Łukasik", "url": "https://news.example/authors/hanna-lukasik"}],
             "publisher": {"@type": "Organization", "name": "Broadsheet", "url": "https://news.example/",
                           "logo": {"@type": "ImageObject", "url": "https://news.example/logo.png"}},
             "articleSection": "Europe", "keywords": ["transport", "lviv"], "wordCount": 15, "dateline": "Lviv", "inLanguage": "en",
             "isAccessibleForFree": true}""";
    static final String NINJS = """
            {"uri": "urn:uuid:5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
             "standard": {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"},
             "type": "text", "representationType": "full", "version": "q3KJ7f0m6Wgq1nUfM2pDbA",
             "firstCreated": "2026-11-24T08:05:00Z", "versionCreated": "2026-11-24T09:30:00Z", "pubStatus": "usable", "language": "en",
             "slugline": "lviv-s-trams-run-again-after-the-storm", "by": "Hanna Łukasik", "located": "Lviv",
             "headlines": [{"role": "main", "contentType": "text/plain", "value": "Lviv's trams run again after the storm"},
                           {"role": "sub", "contentType": "text/plain", "value": "Crews cleared the lines overnight"}],
             "descriptions": [{"role": "summary", "contentType": "text/plain", "value": "All twelve lines are running, the city says."}],
             "bodies": [{"role": "main", "contentType": "text/html", "wordCount": 15,
                         "value": "<p>Trams returned to <strong>all twelve lines</strong> on Monday.</p>"},
                        {"role": "source", "contentType": "text/markdown", "value": "Trams returned to **all twelve lines** on Monday."}],
             "subjects": [{"name": "Europe", "rel": "section", "literal": "europe"}, {"name": "transport", "rel": "tag", "literal": "transport"},
                          {"name": "lviv", "rel": "tag", "literal": "lviv"}],
             "people": [{"name": "Hanna Łukasik", "rel": "author", "uri": "https://news.example/authors/hanna-lukasik"}],
             "associations": [{"name": "featureimage", "type": "picture", "uri": "https://images.example.org/lviv-tram.jpg",
                               "by": "Hanna Łukasik",
                               "descriptions": [{"role": "caption", "contentType": "text/plain", "value": "Trams ran again on Monday morning"},
                                                {"role": "alt", "contentType": "text/plain", "value": "A tram crossing Rynok Square in the rain"}],
                               "renditions": [{"name": "original", "href": "https://images.example.org/lviv-tram.jpg"}]}]}""";
    static final String LIST = """
            {"items": [
              {"id": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "slug": "lviv-s-trams-run-again-after-the-storm",
               "title": "Lviv's trams run again after the storm", "subtitle": "Crews cleared the lines overnight",
               "summary": "All twelve lines are running, the city says.", "section": {"slug": "europe", "name": "Europe"},
               "tags": ["transport", "lviv"], "authors": [{"slug": "hanna-lukasik", "name": "Hanna Łukasik"}], "dateline": "Lviv",
               "heroImage": {"url": "https://images.example.org/lviv-tram.jpg", "alt": "A tram crossing Rynok Square in the rain",
                             "caption": "Trams ran again on Monday morning", "credit": "Hanna Łukasik"},
               "featured": false, "status": "PUBLISHED", "publishedAt": "2026-11-24T09:30:00Z",
               "modifiedAt": "2026-11-24T09:30:00Z", "createdAt": "2026-11-24T08:05:00Z", "updatedAt": "2026-11-24T09:30:00Z", "wordCount": 15, "readingTimeMinutes": 1}],
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
    static final String SEARCH_UNAVAILABLE = """
            {"type": "urn:broadsheet:problem:search-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "Search is unavailable for now: the search cluster does not answer (Connection refused); lists without q still answer",
             "instance": "/api/v1/articles"}""";
    static final String DATABASE_UNAVAILABLE = """
            {"type": "urn:broadsheet:problem:database-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "The database is unreachable right now; what this request had not committed was rolled back. Try again in a few seconds",
             "instance": "/api/v1/articles"}""";
    static final String PATCH = """
            {"summary": "All twelve lines and the night buses are running.", "featured": true, "heroImage": null}""";

    static final String RELATED = """
            {"items": [
              {"id": "8c7b6a5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d", "slug": "lviv-adds-night-trams", "title": "Lviv adds night trams",
               "subtitle": null, "summary": "Two lines will run until 2 a.m.", "section": {"slug": "europe", "name": "Europe"},
               "tags": ["transport", "lviv"], "authors": [{"slug": "hanna-lukasik", "name": "Hanna Łukasik"}], "dateline": "Lviv",
               "heroImage": null, "featured": false, "status": "PUBLISHED", "publishedAt": "2026-11-20T07:00:00Z",
               "modifiedAt": "2026-11-20T07:00:00Z", "createdAt": "2026-11-20T06:40:00Z", "updatedAt": "2026-11-20T07:00:00Z", "wordCount": 380, "readingTimeMinutes": 2}],
             "next": null}""";

    private ArticleExamples() {
    }
}

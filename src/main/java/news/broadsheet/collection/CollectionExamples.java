package news.broadsheet.collection;

/** Example payloads shown in the OpenAPI document. */
final class CollectionExamples {
    static final String INPUT = """
            {"name": "Don't miss", "description": "The editors' picks of the day",
             "articles": ["lviv-s-trams-run-again-after-the-storm", "night-trains-return-to-the-alps-as-demand-doubles"]}""";
    static final String COLLECTION = """
            {"id": "7e2d4c1b-9a8f-4e3d-b2c1-0f9e8d7c6b5a", "slug": "dont-miss", "name": "Don't miss",
             "description": "The editors' picks of the day",
             "articles": [
               {"id": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "slug": "lviv-s-trams-run-again-after-the-storm",
                "title": "Lviv's trams run again after the storm", "subtitle": null, "summary": "All twelve lines are running, the city says.",
                "section": {"slug": "europe", "name": "Europe"}, "tags": ["transport", "lviv"],
                "authors": [{"slug": "hanna-lukasik", "name": "Hanna Łukasik"}], "dateline": "Lviv", "heroImage": null,
                "featured": true, "status": "PUBLISHED", "publishedAt": "2026-11-24T09:30:00Z", "createdAt": "2026-11-24T08:05:00Z",
                "updatedAt": "2026-11-24T09:30:00Z", "wordCount": 412, "readingTimeMinutes": 2}],
             "createdAt": "2026-11-24T06:00:00Z", "updatedAt": "2026-11-24T09:30:00Z"}""";
    static final String LIST = """
            {"items": [
              {"id": "7e2d4c1b-9a8f-4e3d-b2c1-0f9e8d7c6b5a", "slug": "dont-miss", "name": "Don't miss",
               "description": "The editors' picks of the day", "createdAt": "2026-11-24T06:00:00Z", "updatedAt": "2026-11-24T09:30:00Z"},
              {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "slug": "top-stories", "name": "Top stories", "description": null,
               "createdAt": "2026-11-24T06:00:00Z", "updatedAt": "2026-11-24T07:45:00Z"}],
             "next": null}""";
    static final String PATCH = """
            {"articles": ["night-trains-return-to-the-alps-as-demand-doubles", "lviv-s-trams-run-again-after-the-storm"]}""";
    static final String BAD_ARTICLES = """
            {"type": "urn:broadsheet:problem:invalid-input", "title": "Bad Request", "status": 400,
             "detail": "The request has invalid fields", "instance": "/api/v1/collections/dont-miss",
             "errors": [{"field": "articles[1]", "message": "names no article: 'no-such-story'"},
                        {"field": "articles[2]", "message": "names 'night-trains-return-to-the-alps-as-demand-doubles' a second time; a collection lists an article once"}]}""";

    private CollectionExamples() {
    }
}

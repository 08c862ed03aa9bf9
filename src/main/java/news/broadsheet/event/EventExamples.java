package news.broadsheet.event;

/** Examples for the OpenAPI document. */
public final class EventExamples {

    public static final String PUBLISHED = """
            {"type": "article.published", "timestamp": "2026-11-24T09:30:00Z",
             "data": {"id": "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b", "slug": "city-council-approves-new-tram-line", "section": "local",
                      "publishedAt": "2026-11-24T09:30:00Z", "url": "https://news.example/local/city-council-approves-new-tram-line"}}""";

    static final String FEED = """
            {"items": [
              {"id": "evt_52311", "type": "article.published", "timestamp": "2026-11-24T09:30:00Z",
               "data": {"id": "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b", "slug": "city-council-approves-new-tram-line", "section": "local",
                        "publishedAt": "2026-11-24T09:30:00Z", "url": "https://news.example/local/city-council-approves-new-tram-line"}},
              {"id": "evt_52312", "type": "article.updated", "timestamp": "2026-11-24T10:02:11Z",
               "data": {"id": "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b", "slug": "tram-line-approved-after-late-vote",
                        "oldSlug": "city-council-approves-new-tram-line", "section": "local", "publishedAt": "2026-11-24T09:30:00Z",
                        "url": "https://news.example/local/tram-line-approved-after-late-vote"}},
              {"id": "evt_52313", "type": "section.changed", "timestamp": "2026-11-24T10:05:00Z",
               "data": {"id": "0b4e7c2a-9f1d-4c3b-8a6e-5d2f1e0c9b8a", "slug": "climate", "change": "created",
                        "url": "https://news.example/climate"}}],
             "next": "1043.52313"}""";

    private EventExamples() {
    }
}

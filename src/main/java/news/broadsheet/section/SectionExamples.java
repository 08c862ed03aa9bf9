package news.broadsheet.section;

/** Example payloads shown in the OpenAPI document. */
final class SectionExamples {
    static final String INPUT = """
            {"name": "Europe", "description": "News from across Europe", "parent": "world", "position": 1}""";
    static final String SECTION = """
            {"id": "0b9f5a52-3f1c-4d59-9b7e-2f4f1a0c6e11", "slug": "europe", "name": "Europe",
             "description": "News from across Europe", "parent": "world", "position": 1,
             "createdAt": "2026-11-24T09:30:00Z", "updatedAt": "2026-11-24T09:30:00Z"}""";
    static final String LIST = """
            {"items": [
              {"id": "6f0c3e8a-1d2b-4c5e-8f7a-9b0c1d2e3f40", "slug": "world", "name": "World",
               "description": "International news and analysis", "parent": null, "position": 0,
               "createdAt": "2026-11-24T09:30:00Z", "updatedAt": "2026-11-24T09:30:00Z"},
              {"id": "0b9f5a52-3f1c-4d59-9b7e-2f4f1a0c6e11", "slug": "europe", "name": "Europe",
               "description": "News from across Europe", "parent": "world", "position": 1,
               "createdAt": "2026-11-24T09:30:00Z", "updatedAt": "2026-11-24T09:30:00Z"}],
             "next": null}""";
    static final String PATCH = """
            {"description": "Politics, business and culture across Europe", "parent": null}""";

    private SectionExamples() {
    }
}

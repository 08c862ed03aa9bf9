package news.broadsheet.author;

/** Example payloads shown in the OpenAPI document. */
final class AuthorExamples {
    static final String INPUT = """
            {"name": "Hanna Łukasik", "jobTitle": "Transport correspondent",
             "bio": "Hanna covers **transport and cities** from Lviv.",
             "photo": {"url": "https://images.example.org/hanna-lukasik.jpg", "alt": "Hanna Łukasik"},
             "links": ["https://mastodon.example/@hanna", "https://hanna.example"], "email": "hanna.lukasik@news.example"}""";
    static final String AUTHOR = """
            {"id": "3c6f1f4e-2a7b-4d0e-9b1a-5e8f7d6c4b3a", "slug": "hanna-lukasik", "name": "Hanna Łukasik",
             "jobTitle": "Transport correspondent", "bio": "Hanna covers **transport and cities** from Lviv.",
             "bioHtml": "<p>Hanna covers <strong>transport and cities</strong> from Lviv.</p>",
             "photo": {"url": "https://images.example.org/hanna-lukasik.jpg", "alt": "Hanna Łukasik", "caption": null, "credit": null},
             "links": ["https://mastodon.example/@hanna", "https://hanna.example"],
             "createdAt": "2026-11-24T09:30:00Z", "updatedAt": "2026-11-24T09:30:00Z"}""";
    static final String LIST = """
            {"items": [
              {"id": "3c6f1f4e-2a7b-4d0e-9b1a-5e8f7d6c4b3a", "slug": "hanna-lukasik", "name": "Hanna Łukasik",
               "jobTitle": "Transport correspondent", "bio": "Hanna covers **transport and cities** from Lviv.",
               "bioHtml": "<p>Hanna covers <strong>transport and cities</strong> from Lviv.</p>", "photo": null,
               "links": ["https://mastodon.example/@hanna"], "createdAt": "2026-11-24T09:30:00Z", "updatedAt": "2026-11-24T09:30:00Z"},
              {"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "slug": "oleh-bondar", "name": "Oleh Bondar", "jobTitle": null,
               "bio": "", "bioHtml": "", "photo": null, "links": [],
               "createdAt": "2026-11-25T07:10:00Z", "updatedAt": "2026-11-25T07:10:00Z"}],
             "next": "djF8c2x1Z3xvbGVoLWJvbmRhcnw5YThiN2M2ZC01ZTRmLTRhM2ItOGMyZC0xZTBmOWE4YjdjNmQ"}""";
    static final String PATCH = """
            {"jobTitle": "Europe editor", "links": null}""";
    static final String IN_USE = """
            {"type": "urn:broadsheet:problem:author-in-use", "title": "Conflict", "status": 409,
             "detail": "The author 'hanna-lukasik' is credited on 12 article(s); take them off those bylines first",
             "instance": "/api/v1/authors/hanna-lukasik"}""";

    private AuthorExamples() {
    }
}

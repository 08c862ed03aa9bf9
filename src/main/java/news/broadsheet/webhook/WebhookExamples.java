package news.broadsheet.webhook;

/** Examples for the OpenAPI document. */
final class WebhookExamples {

    static final String INPUT = """
            {"url": "https://hooks.news.example/broadsheet", "events": ["article.published", "article.updated", "article.unpublished",
             "article.deleted"], "description": "Revalidates the Next.js frontend"}""";

    static final String PATCH = """
            {"events": ["article.published", "article.updated", "article.unpublished", "article.deleted", "section.changed"]}""";

    static final String CREATED = """
            {"id": "5b1f0a3e-8c2d-4e7f-9a6b-3c4d5e6f7a8b", "url": "https://hooks.news.example/broadsheet",
             "events": ["article.published", "article.updated", "article.unpublished", "article.deleted"],
             "description": "Revalidates the Next.js frontend", "enabled": true, "createdAt": "2026-11-24T09:30:00Z",
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3kF7yXbH0tA="}""";

    static final String WEBHOOK = """
            {"id": "5b1f0a3e-8c2d-4e7f-9a6b-3c4d5e6f7a8b", "url": "https://hooks.news.example/broadsheet",
             "events": ["article.published", "article.updated", "article.unpublished", "article.deleted"],
             "description": "Revalidates the Next.js frontend", "enabled": true, "disabledReason": null,
             "previousSecretExpiresAt": null, "createdAt": "2026-11-24T09:30:00Z", "updatedAt": "2026-11-24T09:30:00Z"}""";

    static final String DISABLED = """
            {"id": "5b1f0a3e-8c2d-4e7f-9a6b-3c4d5e6f7a8b", "url": "https://hooks.news.example/broadsheet",
             "events": ["article.published"], "description": "Revalidates the Next.js frontend", "enabled": false,
             "disabledReason": "Disabled on 2026-11-29T09:30:02Z: every delivery failed since 2026-11-24T09:30:00Z; the last: HTTP 503: Service Unavailable",
             "previousSecretExpiresAt": null, "createdAt": "2026-11-20T08:00:00Z", "updatedAt": "2026-11-29T09:30:02Z"}""";

    static final String LIST = "{\"items\": [" + WEBHOOK + "], \"next\": null}";

    static final String ROTATED = """
            {"secret": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oDJ1FJZ4Jq8gU=", "previousSecretExpiresAt": "2026-11-25T09:30:00Z"}""";

    static final String DELIVERY = """
            {"id": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "event": "article.updated", "eventId": "evt_52312", "status": "PENDING",
             "attempts": 2, "lastStatusCode": 503, "lastError": "HTTP 503: upstream unavailable", "lastAttemptAt": "2026-11-24T10:02:16Z",
             "nextAttemptAt": "2026-11-24T10:07:16Z", "deliveredAt": null, "createdAt": "2026-11-24T10:02:11Z"}""";

    static final String DELIVERIES = """
            {"items": [""" + DELIVERY + """
            , {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "event": "article.published", "eventId": "evt_52311", "status": "DELIVERED",
             "attempts": 1, "lastStatusCode": 204, "lastError": null, "lastAttemptAt": "2026-11-24T09:30:00Z", "nextAttemptAt": null,
             "deliveredAt": "2026-11-24T09:30:00Z", "createdAt": "2026-11-24T09:30:00Z"}],
             "next": null}""";

    static final String PRIVATE_TARGET = """
            {"type": "urn:broadsheet:problem:validation", "title": "Bad Request", "status": 400,
             "detail": "The field 'url' resolves to 10.0.3.7, which is not a public address; webhooks go to public addresses only (an operator may allow private targets with broadsheet.webhooks.allow-private-targets)",
             "instance": "/api/v1/webhooks",
             "errors": [{"field": "url", "message": "resolves to 10.0.3.7, which is not a public address; webhooks go to public addresses only (an operator may allow private targets with broadsheet.webhooks.allow-private-targets)"}]}""";

    private WebhookExamples() {
    }
}

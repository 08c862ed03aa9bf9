package news.broadsheet.webhook;

import news.broadsheet.event.EventType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to creating a webhook: the only time its secret is shown. */
@Schema(name = "NewWebhook", requiredProperties = {"id", "url", "events", "enabled", "createdAt", "secret"})
public record NewWebhook(
        UUID id,
        String url,
        List<EventType> events,
        String description,
        boolean enabled,
        Instant createdAt,
        @Schema(description = "The signing secret in Standard Webhooks' form (whsec_ and base64): give it to your receiver's verifier. "
                + "Shown this once; it is stored encrypted and never answered again (rotate it if lost).",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static NewWebhook of(WebhookView webhook, String secret) {
        return new NewWebhook(webhook.id(), webhook.url(), webhook.events(), webhook.description(), webhook.enabled(),
                webhook.createdAt(), secret);
    }
}

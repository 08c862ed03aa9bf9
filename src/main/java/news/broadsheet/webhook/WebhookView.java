package news.broadsheet.webhook;

import news.broadsheet.event.EventType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as admins see it: never its secret. */
@Schema(name = "Webhook", requiredProperties = {"id", "url", "events", "enabled", "createdAt", "updatedAt"})
public record WebhookView(
        UUID id,
        @Schema(examples = "https://hooks.news.example/broadsheet") String url,
        List<EventType> events,
        String description,
        @Schema(description = "False while disabled: by an admin, or by the service after its deliveries failed for "
                + "broadsheet.webhooks.disable-after (disabledReason says so). Events meanwhile are not queued for it; the change "
                + "feed has them. PATCH enabled to true to resume.") boolean enabled,
        @Schema(description = "Why the service disabled it; null otherwise") String disabledReason,
        @Schema(description = "Until when the secret before the last rotation still signs deliveries (alongside the new one); "
                + "null when there is none") Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt) {

    static WebhookView of(Webhook webhook) {
        return new WebhookView(webhook.id, webhook.url, webhook.events.stream().map(EventType::of).toList(), webhook.description,
                webhook.enabled, webhook.disabledReason, webhook.previousSecretUntil, webhook.createdAt, webhook.updatedAt);
    }
}

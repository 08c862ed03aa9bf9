package news.broadsheet.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import news.broadsheet.event.EventType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A webhook as admins create it, and the form PATCH merges into. */
@Schema(name = "WebhookInput", requiredProperties = {"url", "events"})
public record WebhookInput(
        @Schema(description = "Where deliveries are POSTed: http or https, no credentials. Its host must resolve to public addresses "
                + "only (checked now and again before every attempt, so a name cannot be pointed at an internal address later), unless "
                + "broadsheet.webhooks.allow-private-targets is set. Redirects are not followed.",
                examples = "https://hooks.news.example/broadsheet")
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "The event types to deliver, at least one") @NotNull @NotEmpty @Size(max = 20) List<@NotNull EventType> events,
        @Schema(description = "What the receiver is, for the admins", examples = "Revalidates the Next.js frontend")
        @Size(max = 500) String description,
        @Schema(description = "True when left out; false pauses deliveries", defaultValue = "true") Boolean enabled) {

    boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}

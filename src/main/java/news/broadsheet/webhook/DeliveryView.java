package news.broadsheet.webhook;

import news.broadsheet.event.EventType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One event's delivery to one webhook, with the outcome of its last attempt. */
@Schema(name = "Delivery", requiredProperties = {"id", "event", "eventId", "status", "attempts", "createdAt"})
public record DeliveryView(
        UUID id,
        @Schema(description = "The event's type") EventType event,
        @Schema(description = "The event's id: the webhook-id header of every attempt, and its id in the change feed", examples = "evt_52312")
        String eventId,
        DeliveryStatus status,
        @Schema(description = "Attempts made so far") int attempts,
        @Schema(description = "The HTTP status of the last attempt; null when it got no answer (refused, timed out, no route)")
        Integer lastStatusCode,
        @Schema(description = "Why the last attempt failed, in a line: the status and the start of the receiver's answer (at most "
                + "200 characters), or the connection error; null after a success") String lastError,
        Instant lastAttemptAt,
        @Schema(description = "When the next attempt is due; null once delivered or failed") Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {
}

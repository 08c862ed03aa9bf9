package news.broadsheet.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * One change, as the change feed lists it and as a webhook delivers it (Standard Webhooks' {@code {"type", "timestamp",
 * "data"}}, with the id that is also the delivery's {@code webhook-id}).
 */
@Schema(name = "Event", requiredProperties = {"id", "type", "timestamp", "data"})
public record ChangeEvent(
        @Schema(description = "Unique and stable: the same in the feed and in every delivery's webhook-id header, so a receiver "
                + "that sees an id twice (a retry, a redelivery) can skip it", examples = "evt_52312") String id,
        EventType type,
        @Schema(description = "When the change was made (for a scheduled article going live: when it was announced)") Instant timestamp,
        EventData data) {

    public static final String ID_PREFIX = "evt_";

    /** The body of a webhook delivery: the event without its id, which travels in the webhook-id header. */
    public record Payload(EventType type, Instant timestamp, EventData data) {
    }

    public Payload payload() {
        return new Payload(type, timestamp, data);
    }
}

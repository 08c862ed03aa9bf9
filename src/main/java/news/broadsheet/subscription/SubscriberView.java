package news.broadsheet.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Subscriber", requiredProperties = {"id", "email", "sections", "newsletters", "status", "createdAt"})
public record SubscriberView(
        @Schema(examples = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b") UUID id,
        @Schema(examples = "anna.kowalska@example.com") String email,
        @Schema(examples = "Anna Kowalska") String name,
        @Schema(examples = "[\"world\", \"culture\"]") List<String> sections,
        @Schema(examples = "[\"daily\"]") List<String> newsletters,
        @Schema(examples = "ACTIVE") SubscriptionStatus status,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-11-24T09:41:00Z") Instant confirmedAt,
        @Schema(examples = "2026-12-01T18:02:00Z") Instant unsubscribedAt,
        @Schema(description = "When consent was last given", examples = "2026-11-24T09:30:00Z") Instant consentAt,
        @Schema(description = "The client address consent was given from", examples = "203.0.113.7") String consentAddress) {

    static SubscriberView from(Subscription s) {
        return new SubscriberView(s.id, s.email, s.name, List.copyOf(s.sections), List.copyOf(s.newsletters), s.status,
                s.createdAt, s.confirmedAt, s.unsubscribedAt, s.consentAt, s.consentAddress);
    }
}

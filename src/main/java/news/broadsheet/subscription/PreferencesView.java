package news.broadsheet.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Preferences", description = "What the holder of a subscriber's token sees",
        requiredProperties = {"email", "sections", "newsletters", "status"})
public record PreferencesView(
        @Schema(examples = "anna.kowalska@example.com") String email,
        @Schema(examples = "Anna Kowalska") String name,
        @Schema(examples = "[\"world\"]") List<String> sections,
        @Schema(examples = "[\"daily\"]") List<String> newsletters,
        @Schema(examples = "ACTIVE") SubscriptionStatus status) {

    static PreferencesView from(Subscription s) {
        return new PreferencesView(s.email, s.name, List.copyOf(s.sections), List.copyOf(s.newsletters), s.status);
    }
}

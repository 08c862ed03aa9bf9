package news.broadsheet.subscription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.broadsheet.slug.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PreferencesInput", description = "A subscriber's choices; the lists replace the stored ones")
public record PreferencesInput(
        @Schema(examples = "Anna Kowalska", maxLength = 200, description = PersonName.DESCRIPTION)
        @Size(max = 200) @Pattern(regexp = PersonName.PATTERN, message = PersonName.MESSAGE)
        String name,

        @Schema(description = "Slugs of existing sections", examples = "[\"world\"]", maxItems = 50)
        @Size(max = 50)
        List<@NotBlank @Pattern(regexp = Slugs.PATTERN, message = "must be a section slug") String> sections,

        @Schema(description = "daily, breaking, weekly, offers", examples = "[\"weekly\"]")
        @Size(max = 4)
        List<@NotNull Newsletter> newsletters) {
}

package news.broadsheet.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CorrectionInput", description = "A note for readers, shown with the article from now on")
public record CorrectionInput(
        @Schema(required = true, examples = "CORRECTION") @NotNull CorrectionKind kind,
        @Schema(description = "Plain text, as readers will read it", maxLength = 2000, required = true,
                examples = "An earlier version of this article gave the wrong number of tram lines; there are twelve.")
        @NotBlank @Size(max = 2000) String text) {
}

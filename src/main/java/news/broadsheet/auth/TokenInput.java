package news.broadsheet.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenInput")
public record TokenInput(
        @Schema(description = "Who or what uses the token", examples = "night desk import script", maxLength = 100, required = true)
        @NotBlank @Size(max = 100)
        String name,

        @Schema(description = "editor: content writes and drafts; admin: everything, including tokens, subscribers and section deletion",
                enumeration = {"editor", "admin"}, required = true)
        @NotNull
        TokenRole role) {
}

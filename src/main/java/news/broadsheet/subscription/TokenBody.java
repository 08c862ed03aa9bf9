package news.broadsheet.subscription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubscriberToken")
public record TokenBody(@Schema(description = "The token from the confirmation mail", required = true,
        examples = "q3Zr4yX0m1S8cJ2vT6nW9pL5bD7fH0kA3eR8uY1iO2g") @NotBlank @Size(max = 200) String token) {
}

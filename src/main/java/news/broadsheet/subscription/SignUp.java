package news.broadsheet.subscription;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.broadsheet.slug.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "SignUp", description = "The \"Stay in touch\" form")
public record SignUp(
        @Schema(examples = "anna.kowalska@example.com", maxLength = 254, required = true,
                description = "An address mail servers deliver to: a dot-atom local part (no quoted strings), a domain name "
                        + "(no IP literals); letters of any script",
                // the shape, in a pattern every JSON Schema validator reads (the service checks letters by Unicode class)
                pattern = "^[^@\\s\"(),:;<>\\[\\]\\\\]+@[^@\\s\"(),:;<>\\[\\]\\\\]+\\.[^@\\s\"(),:;<>\\[\\]\\\\]+$")
        @NotBlank @Size(max = 254) @Email(message = "must be an email address")
        // what mail servers deliver: a dot-atom local part (no quoted strings), a domain name (no IP literals); letters
        // of any script, so internationalized addresses stay welcome
        @Pattern(regexp = "^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                + "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}$",
                message = "must be an email address with a domain such as example.com")
        String email,

        @Schema(examples = "Anna Kowalska", maxLength = 200, description = PersonName.DESCRIPTION)
        @Size(max = 200) @Pattern(regexp = PersonName.PATTERN, message = PersonName.MESSAGE)
        String name,

        @Schema(description = "Slugs of existing sections", examples = "[\"world\", \"culture\"]", maxItems = 50)
        @Size(max = 50)
        List<@NotBlank @Pattern(regexp = Slugs.PATTERN, message = "must be a section slug") String> sections,

        @Schema(description = "daily, breaking, weekly, offers", examples = "[\"daily\", \"breaking\"]")
        @Size(max = 4)
        List<@NotNull Newsletter> newsletters,

        @Schema(description = "Must be true: the person agrees to receive the newsletters", required = true, examples = "true")
        @NotNull(message = "must be true: the subscriber has to agree") @AssertTrue(message = "must be true: the subscriber has to agree")
        Boolean consent) {
}

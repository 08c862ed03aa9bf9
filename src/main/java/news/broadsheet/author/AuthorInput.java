package news.broadsheet.author;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.broadsheet.media.HeroImage;
import news.broadsheet.slug.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Objects;

@Schema(name = "AuthorInput", description = "An author as written by an editor. On PUT the path gives the slug.")
public record AuthorInput(
        @Schema(description = "Left out on create: derived from the name (transliterated to ASCII); a taken derived slug gets -2, -3, ...",
                examples = "hanna-lukasik", maxLength = 120, pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = Slugs.MAX_LENGTH)
        String slug,

        @Schema(description = "The name as bylines print it", examples = "Hanna Łukasik", maxLength = 200, required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(examples = "Transport correspondent", maxLength = 200)
        @Size(max = 200)
        String jobTitle,

        @Schema(description = "Markdown, rendered and sanitized as article bodies are; empty when left out",
                examples = "Hanna covers **transport and cities** from Lviv.", maxLength = 20000)
        @Size(max = 20_000)
        String bio,

        @Schema(description = "A portrait, in the shape of an article's heroImage")
        @Valid
        HeroImage photo,

        @Schema(description = "Profile addresses (website, Mastodon, Bluesky, X, LinkedIn...), absolute http(s) URLs, in the order to show them",
                examples = "[\"https://mastodon.example/@hanna\", \"https://hanna.example\"]", maxItems = 10)
        @Size(max = 10)
        List<@NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an absolute http(s) URL") String> links,

        @Schema(description = "Contact address for the newsroom; answered only to token holders", examples = "hanna.lukasik@news.example",
                maxLength = 254)
        @Email @Size(max = 254)
        String email) {

    /** Every default applied, so it compares equal to the stored author when nothing changes. */
    AuthorInput normalized(String slugToStore) {
        return new AuthorInput(slugToStore, name.strip(), blankToNull(jobTitle), Objects.requireNonNullElse(bio, ""), photo,
                links == null ? List.of() : links.stream().distinct().toList(), blankToNull(email));
    }

    AuthorInput withPhoto(HeroImage stored) {
        return new AuthorInput(slug, name, jobTitle, bio, stored, links, email);
    }

    static AuthorInput from(Author author) {
        return new AuthorInput(author.slug, author.name, author.jobTitle, author.bio, author.photo, List.copyOf(author.links),
                author.email);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

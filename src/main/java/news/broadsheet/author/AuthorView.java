package news.broadsheet.author;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.broadsheet.media.ImageView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Author", description = "A person credited in bylines",
        requiredProperties = {"id", "slug", "name", "bio", "bioHtml", "links", "createdAt", "updatedAt"})
public record AuthorView(
        @Schema(examples = "3c6f1f4e-2a7b-4d0e-9b1a-5e8f7d6c4b3a") UUID id,
        @Schema(examples = "hanna-lukasik") String slug,
        @Schema(examples = "Hanna Łukasik") String name,
        @Schema(examples = "Transport correspondent") String jobTitle,
        @Schema(description = "Markdown source", examples = "Hanna covers **transport and cities** from Lviv.") String bio,
        @Schema(description = "The bio rendered to HTML and sanitized", examples = "<p>Hanna covers <strong>transport and cities</strong> from Lviv.</p>")
        String bioHtml,
        ImageView photo,
        @Schema(examples = "[\"https://mastodon.example/@hanna\"]") List<String> links,
        @Schema(description = "Only in answers to token holders", examples = "hanna.lukasik@news.example")
        @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant updatedAt) {

    static AuthorView from(Author author, ImageView photo, boolean withEmail) {
        return new AuthorView(author.id, author.slug, author.name, author.jobTitle, author.bio, author.bioHtml, photo,
                List.copyOf(author.links), withEmail ? author.email : null, author.createdAt, author.updatedAt);
    }

    AuthorView withPhoto(ImageView image) {
        return new AuthorView(id, slug, name, jobTitle, bio, bioHtml, image, links, email, createdAt, updatedAt);
    }
}

package news.broadsheet.collection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.broadsheet.slug.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CollectionInput", description = "A collection as editors write it. On PUT the path gives the slug.")
public record CollectionInput(
        @Schema(description = "Left out on PUT: the path's; a new slug in a PATCH renames the collection", examples = "dont-miss",
                maxLength = 120, pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = Slugs.MAX_LENGTH)
        String slug,

        @Schema(examples = "Don't miss", maxLength = 200, required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(examples = "The editors' picks of the day", maxLength = 2000)
        @Size(max = 2000)
        String description,

        @Schema(description = "Article slugs in the order to show them, each once, at most 100; drafts and scheduled articles may "
                + "be listed (the public sees each when it is published). Empty when left out.",
                examples = "[\"lviv-s-trams-run-again-after-the-storm\", \"night-trains-return-to-the-alps-as-demand-doubles\"]", maxItems = 100)
        @Size(max = 100)
        List<@NotBlank @Size(max = Slugs.MAX_LENGTH) String> articles) {

    CollectionInput normalized(String slugToStore) {
        return new CollectionInput(slugToStore, name.strip(), description == null || description.isBlank() ? null : description,
                articles == null ? List.of() : List.copyOf(articles));
    }
}

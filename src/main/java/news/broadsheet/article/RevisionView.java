package news.broadsheet.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "RevisionInFull", description = "One saved state of an article in full: `article` is that state as an upload "
        + "(ArticleInput), so it can be sent back with PUT as it is", requiredProperties = {"number", "createdAt", "changed", "article"})
public record RevisionView(
        @Schema(examples = "3") int number,
        @Schema(examples = "2026-11-24T10:02:00Z") Instant createdAt,
        @Schema(examples = "night-desk") String by,
        @Schema(examples = "[\"title\", \"body\"]") List<String> changed,
        @Schema(description = "The article as this revision left it; its authors by slug (an author deleted since is left out)")
        ArticleInput article) {

    static RevisionView of(RevisionSummary revision, ArticleInput article) {
        return new RevisionView(revision.number(), revision.createdAt(), revision.by(), revision.changed(), article);
    }
}

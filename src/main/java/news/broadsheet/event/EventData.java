package news.broadsheet.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** What a frontend needs to rebuild or purge its pages after a change; absent fields are left out. */
@Schema(name = "EventData", requiredProperties = "id")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventData(
        @Schema(description = "The resource's id") UUID id,
        @Schema(description = "Its slug now (for a deletion: the slug it had); images of the media library have none", examples = "lviv-s-trams-run-again-after-the-storm") String slug,
        @Schema(description = "Its slug before this change, when the change renamed it: purge and redirect the old page")
        String oldSlug,
        @Schema(description = "Articles: the slug of the article's section", examples = "world") String section,
        @Schema(description = "Articles: the section it left, when the change moved it") String oldSection,
        @Schema(description = "Articles: the publication time") Instant publishedAt,
        @Schema(description = "Sections, authors, collections and media: created, updated or deleted",
                enumeration = {"created", "updated", "deleted"}) String change,
        @Schema(description = "The public page of the resource on the configured site (broadsheet.site.*), the one to revalidate; "
                + "collections and media have none") String url) {

    EventData withUrl(String pageUrl) {
        return new EventData(id, slug, oldSlug, section, oldSection, publishedAt, change, pageUrl);
    }
}

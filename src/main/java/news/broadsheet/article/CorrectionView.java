package news.broadsheet.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Correction", description = "A correction, update or clarification note", requiredProperties = {"kind", "text", "createdAt"})
public record CorrectionView(
        @Schema(examples = "CORRECTION") CorrectionKind kind,
        @Schema(examples = "An earlier version of this article gave the wrong number of tram lines; there are twelve.") String text,
        @Schema(examples = "2026-11-24T11:10:00Z") Instant createdAt) {

    static CorrectionView from(Correction correction) {
        return new CorrectionView(correction.kind, correction.text, correction.createdAt);
    }
}

package news.broadsheet.article;

import news.broadsheet.web.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ImportReport", description = "What an NDJSON import did, line by line",
        requiredProperties = {"created", "updated", "unchanged", "rejected"})
public record ImportReport(
        @Schema(description = "Lines whose slug was new", examples = "19876") int created,
        @Schema(description = "Lines that changed an existing article", examples = "120") int updated,
        @Schema(description = "Lines identical to the article already stored (a re-import)", examples = "0") int unchanged,
        @Schema(description = "Lines refused, each with the problem that says why; the other lines were kept") List<RejectedLine> rejected) {

    @Schema(name = "RejectedLine", requiredProperties = {"line", "problem"})
    public record RejectedLine(@Schema(description = "Line number, from 1", examples = "42") long line,
                               @Schema(ref = "Problem") Problem problem) {
    }
}

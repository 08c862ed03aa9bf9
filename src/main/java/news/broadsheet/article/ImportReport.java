package news.broadsheet.article;

import news.broadsheet.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ImportReport", description = "What an NDJSON import did, line by line",
        requiredProperties = {"created", "updated", "unchanged", "rejectedCount", "rejected"})
public record ImportReport(
        @Schema(description = "Lines whose slug was new", examples = "19876") int created,
        @Schema(description = "Lines that changed an existing article", examples = "120") int updated,
        @Schema(description = "Lines identical to the article already stored (a re-import)", examples = "0") int unchanged,
        @Schema(description = "Lines refused; the other lines were kept", examples = "1") long rejectedCount,
        @Schema(description = "The first " + ImportReport.MAX_LISTED + " lines refused, each with the problem that says why",
                maxItems = ImportReport.MAX_LISTED) List<RejectedLine> rejected) {

    /** However many lines a file gets wrong, the report stays small: the first ones say what to fix. */
    public static final int MAX_LISTED = 1000;

    @Schema(name = "RejectedLine", requiredProperties = {"line", "problem"})
    public record RejectedLine(@Schema(description = "Line number, from 1", examples = "42") long line,
                               @Schema(ref = "Problem") Problem problem) {
    }
}

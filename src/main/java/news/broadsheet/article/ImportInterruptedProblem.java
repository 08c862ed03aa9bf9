package news.broadsheet.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A problem details body that carries the report of what an interrupted import stored before it stopped. */
@Schema(name = "ImportInterruptedProblem", description = "A Problem, plus the report of the lines stored before the import stopped",
        requiredProperties = {"type", "title", "status", "detail", "report"})
record ImportInterruptedProblem(
        @Schema(examples = "urn:broadsheet:problem:import-interrupted") String type,
        @Schema(examples = "Service Unavailable") String title,
        @Schema(examples = "503") int status,
        @Schema(examples = "The import stopped after line 12000 was read: The database is unreachable right now; what this request "
                + "had not committed was rolled back. Try again in a few seconds. The lines reported as created, updated or "
                + "unchanged are stored. Import the file again to finish: stored lines report as unchanged") String detail,
        @Schema(examples = "/api/v1/articles/import") String instance,
        ImportReport report) {
}

package news.broadsheet.article;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.database.DatabaseUnavailable;
import news.broadsheet.web.Problem;
import news.broadsheet.web.ProblemMappers;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/** The answer to an interrupted import: 503 (database unreachable, retry) or 500, with the report of what was stored. */
class ImportProblems {

    private static final Logger LOG = Logger.getLogger(ImportProblems.class);

    @ServerExceptionMapper
    Response importInterrupted(ImportInterrupted e, UriInfo uri) {
        String stored = "; the lines reported as created, updated or unchanged are stored. Import the file again to finish: "
                + "stored lines report as unchanged";
        Response.ResponseBuilder answer;
        String detail;
        int status;
        if (DatabaseUnavailable.causedBy(e.getCause())) {
            status = 503;
            detail = "The database became unreachable after line " + e.lastLineRead() + " was read" + stored;
            LOG.warnf("Import interrupted after line %d: the database is unreachable (%s)", e.lastLineRead(), e.getCause().getMessage());
            answer = Response.status(status).header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        } else {
            String reference = UUID.randomUUID().toString();
            status = 500;
            detail = "A batch could not be written after line " + e.lastLineRead() + " was read (the error was logged with reference "
                    + reference + ")" + stored;
            LOG.errorf(e.getCause(), "Unexpected error %s: import interrupted after line %d", reference, e.lastLineRead());
            answer = Response.status(status);
        }
        return answer.type(Problem.MEDIA_TYPE).entity(new ImportInterruptedProblem(Problem.type("import-interrupted"),
                Response.Status.fromStatusCode(status).getReasonPhrase(), status, detail, ProblemMappers.instance(uri),
                e.report())).build();
    }
}

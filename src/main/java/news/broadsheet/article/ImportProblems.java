package news.broadsheet.article;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.web.problem.Problem;
import news.broadsheet.web.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The answer to an interrupted import: the problem of the error that stopped it (503 with Retry-After while the
 * database is unreachable, 500 with a logged reference for what nobody foresaw), plus the report of what was stored.
 */
class ImportProblems {

    @ServerExceptionMapper
    Response importInterrupted(ImportInterrupted e, UriInfo uri) {
        Problems.Answer cause = Problems.of(e.getCause(), uri);
        Problem problem = cause.problem();
        String detail = "The import stopped after line " + e.lastLineRead() + " was read: " + problem.detail()
                + ". The lines reported as created, updated or unchanged are stored. Import the file again to finish: "
                + "stored lines report as unchanged";
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(new ImportInterruptedProblem(Problem.type("import-interrupted"), problem.title(), problem.status(),
                        detail, problem.instance(), e.report()));
        cause.headers().forEach(answer::header);
        return answer.build();
    }
}

package news.broadsheet.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the answers every API operation can give, so no operation's annotations can forget them:
 * 406 and 500 everywhere, 400 and 415 wherever a body is read, 401 and 403 wherever a token is required.
 */
public class OpenApiConventions implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(OpenApiConventions::addCommonResponses);
            }
        });
    }

    private static void addCommonResponses(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", "BadRequest");
            addIfAbsent(responses, "415", "UnsupportedMediaType");
        }
        if (requiresToken(operation)) {
            addIfAbsent(responses, "401", "Unauthorized");
            addIfAbsent(responses, "403", "Forbidden");
        }
        addIfAbsent(responses, "406", "NotAcceptable");
        addIfAbsent(responses, "500", "ServerError");
    }

    private static boolean requiresToken(Operation operation) {
        var security = operation.getSecurity();
        return security != null && !security.isEmpty() && security.stream().noneMatch(requirement -> requirement.getSchemes() == null || requirement.getSchemes().isEmpty());
    }

    private static void addIfAbsent(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }
}

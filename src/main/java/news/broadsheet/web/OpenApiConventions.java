package news.broadsheet.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Conventions applied to the whole document, so no annotation can forget them:
 * <ul>
 * <li>the answers every operation can give: 400, 406, 414, 500 and 503 everywhere, 408, 413 and 415 wherever a body is read,
 * 401 wherever a token is required, 403 there and on every write (a page on an origin that may not call the API), 412 wherever If-Match is read, 304 wherever If-None-Match is;</li>
 * <li>the ETag header on the successful answers of every operation that takes a conditional header;</li>
 * <li>a property that a schema does not require may be null (our records answer null, never leave a field out);</li>
 * <li>a merge-patch body has the schema of the full input with nothing required ({@code ArticleInputPatch});</li>
 * <li>a form body has its declared schema only, not the form fields SmallRye adds beside the reference.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiConventions::allowNullWhereNotRequired);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") || path.startsWith("/sitemap")) {
                item.getOperations().forEach((method, operation) -> {
                    addCommonResponses(operation, method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD);
                    describeMergePatchBody(openAPI, operation);
                    keepDeclaredFormSchema(operation);
                });
            }
        });
    }

    private static void allowNullWhereNotRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                Schema reference = OASFactory.createSchema().ref(property.getRef());
                property.setRef(null);
                property.setType(null); // the type beside the reference would forbid the null
                property.setAnyOf(new ArrayList<>(List.of(reference, OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
        });
    }

    /** SmallRye adds a form's {@code @RestForm} fields beside its declared schema; generators refuse a $ref with siblings. */
    private static void keepDeclaredFormSchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType form = operation.getRequestBody().getContent().getMediaType("multipart/form-data");
        if (form != null && form.getSchema() != null && form.getSchema().getRef() != null) {
            form.setSchema(OASFactory.createSchema().ref(form.getSchema().getRef()));
        }
    }

    private static void describeMergePatchBody(OpenAPI openAPI, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType patch = operation.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
        if (patch == null || patch.getSchema() == null || patch.getSchema().getRef() == null) {
            return;
        }
        String inputName = patch.getSchema().getRef().substring(SCHEMAS.length());
        Schema input = openAPI.getComponents().getSchemas().get(inputName);
        String patchName = inputName + "Patch";
        if (input != null && !openAPI.getComponents().getSchemas().containsKey(patchName)) {
            Schema patchSchema = OASFactory.createSchema();
            patchSchema.setAll(new LinkedHashMap<>(input.getAll()));
            patchSchema.setRequired(null);
            patchSchema.setDescription("An RFC 7396 merge patch of " + inputName + ": fields given replace, null resets a field "
                    + "to its default, fields left out stay. The patched result must be a valid " + inputName + ".");
            openAPI.getComponents().addSchema(patchName, patchSchema);
        }
        patch.setSchema(OASFactory.createSchema().ref(SCHEMAS + patchName));
    }

    private static void addCommonResponses(Operation operation, boolean isRead) {
        APIResponses responses = operation.getResponses();
        addIfAbsent(responses, "400", "BadRequest"); // any path or query can be malformed
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "408", "RequestTimeout");
            addIfAbsent(responses, "413", "PayloadTooLarge");
            addIfAbsent(responses, "415", "UnsupportedMediaType");
        }
        if (requiresToken(operation)) {
            addIfAbsent(responses, "401", "Unauthorized");
        }
        if (requiresToken(operation) || !isRead) {
            addIfAbsent(responses, "403", "Forbidden"); // a wrong role, or a write from a page on an origin not allowed (CrossOrigin)
        }
        if (hasParameter(operation, "IfMatch")) {
            addIfAbsent(responses, "412", "PreconditionFailed");
        }
        if (hasParameter(operation, "IfNoneMatch")) {
            addIfAbsent(responses, "304", "NotModified");
        }
        if (hasParameter(operation, "IfMatch") || hasParameter(operation, "IfNoneMatch")) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") && !status.equals("204") && response.getRef() == null) {
                    response.addHeader("ETag", OASFactory.createHeader().ref("ETag"));
                }
            });
        }
        addIfAbsent(responses, "406", "NotAcceptable");
        addIfAbsent(responses, "414", "UriTooLong");
        addIfAbsent(responses, "500", "ServerError");
        addIfAbsent(responses, "503", "Unavailable");
    }

    private static boolean hasParameter(Operation operation, String component) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> ("#/components/parameters/" + component).equals(parameter.getRef()));
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

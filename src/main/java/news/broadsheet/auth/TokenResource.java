package news.broadsheet.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Tokens")
public class TokenResource {

    private static final String NEW_TOKEN = """
            {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "name": "night desk import script", "role": "editor",
             "token": "bst_q3Zr4yX0m1S8cJ2vT6nW9pL5bD7fH0kA3eR8uY1iO2g", "createdAt": "2026-11-24T09:30:00Z"}""";
    private static final String TOKENS = """
            {"items": [{"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "name": "night desk import script", "role": "editor",
                        "createdAt": "2026-11-24T09:30:00Z", "lastUsedAt": "2026-11-25T06:12:00Z"}],
             "next": null}""";

    private final TokenService tokens;

    TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Create an API token",
            description = "Answers the secret this once; only its SHA-256 is stored, so it cannot be shown again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenInput.class),
            examples = @ExampleObject(name = "editor", value = "{\"name\": \"night desk import script\", \"role\": \"editor\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewToken.class),
                    examples = @ExampleObject(name = "token", value = NEW_TOKEN)))
    public RestResponse<NewToken> create(@Valid @NotNull TokenInput body, @Context UriInfo uri) {
        NewToken created = tokens.create(body);
        return RestResponse.ResponseBuilder
                .<NewToken>created(uri.getBaseUriBuilder().path(TokenResource.class).path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List API tokens",
            description = "Names, roles, creation and last-use times (to within a minute); never secrets. Never paged: next is always null.")
    @APIResponse(responseCode = "200", description = "Every token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenList.class),
                    examples = @ExampleObject(name = "tokens", value = TOKENS)))
    public Page<TokenView> list() {
        return new Page<>(tokens.list(), null, null);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke an API token", description = "At once: the next request with it answers 401.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@Parameter(description = "The token's id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") @PathParam("id") String id) {
        tokens.revoke(id);
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "TokenList", requiredProperties = "items")
    record TokenList(List<TokenView> items, @Schema(description = "Always null: tokens come in one page") String next) {
    }
}

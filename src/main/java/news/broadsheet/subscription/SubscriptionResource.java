package news.broadsheet.subscription;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.auth.Roles;
import news.broadsheet.web.caching.Personal;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.paging.PageSize;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
@Personal
public class SubscriptionResource {

    static final String CSV = "text/csv";
    /** A token of the right shape; a real one comes in a mail (Swagger UI answers 404 for this one). */
    private static final String TOKEN_EXAMPLE = "q3Zr4yX0m1S8cJ2vT6nW9pL5bD7fH0kA3eR8uY1iO2g";
    private static final String TOKEN_DOC = "The subscriber's token, from any mail we sent";
    private static final String PREFERENCES = """
            {"email": "anna.kowalska@example.com", "name": "Anna Kowalska", "sections": ["world"], "newsletters": ["daily"], "status": "ACTIVE"}""";
    private static final String SUBSCRIBER = """
            {"id": "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b", "email": "anna.kowalska@example.com", "name": "Anna Kowalska",
             "sections": ["world", "culture"], "newsletters": ["daily"], "status": "ACTIVE", "createdAt": "2026-11-24T09:30:00Z",
             "confirmedAt": "2026-11-24T09:41:00Z", "unsubscribedAt": null, "consentAt": "2026-11-24T09:30:00Z",
             "consentAddress": "203.0.113.7"}""";

    private final SubscriptionService subscriptions;
    private final SubscriberLists lists;
    private final SignUpRateLimit rateLimit;

    SubscriptionResource(SubscriptionService subscriptions, SubscriberLists lists, SignUpRateLimit rateLimit) {
        this.subscriptions = subscriptions;
        this.lists = lists;
        this.rateLimit = rateLimit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(operationId = "signUp", summary = "Sign up for newsletters",
            description = "Double opt-in: the address gets a mail with a confirmation link (or, when it is already subscribed, a link "
                    + "to its preferences). The answer is the same 202 whether or not the address is known, so nobody can learn who "
                    + "subscribes. Rate limited per client address (429 with Retry-After).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignUp.class),
            examples = @ExampleObject(name = "sign-up", value = """
                    {"email": "anna.kowalska@example.com", "name": "Anna Kowalska", "sections": ["world", "culture"],
                     "newsletters": ["daily", "breaking"], "consent": true}""")))
    @APIResponse(responseCode = "202", description = "Accepted; a mail is on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignUpAccepted.class),
                    examples = @ExampleObject(name = "accepted", value = "{\"message\": \"Check your inbox: we sent a message to confirm your subscription\"}")))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response signUp(@Valid @NotNull SignUp body, @Context HttpServerRequest request) {
        String clientAddress = clientAddress(request);
        rateLimit.check(clientAddress);
        subscriptions.signUp(body, clientAddress);
        return Response.accepted(SignUpAccepted.INSTANCE).build();
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(operationId = "confirmSubscription", summary = "Confirm a sign-up",
            description = "With the token of a confirmation mail, within 48 hours of it: PENDING becomes ACTIVE. Confirming again is harmless.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenBody.class),
            examples = @ExampleObject(name = "token", value = "{\"token\": \"q3Zr4yX0m1S8cJ2vT6nW9pL5bD7fH0kA3eR8uY1iO2g\"}")))
    @APIResponse(responseCode = "200", description = "Confirmed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesView.class),
                    examples = @ExampleObject(name = "preferences", value = PREFERENCES)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PreferencesView confirm(@Valid @NotNull TokenBody body) {
        return subscriptions.confirm(body.token());
    }

    @GET
    @Path("preferences")
    @SecurityRequirementsSet
    @Operation(operationId = "getPreferences", summary = "Read a subscriber's preferences", description = "For the holder of the subscriber's token.")
    @APIResponse(responseCode = "200", description = "The preferences",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesView.class),
                    examples = @ExampleObject(name = "preferences", value = PREFERENCES)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PreferencesView preferences(@Parameter(description = TOKEN_DOC, required = true, example = TOKEN_EXAMPLE) @QueryParam("token") String token) {
        return subscriptions.preferences(required(token));
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(operationId = "changePreferences", summary = "Change a subscriber's preferences",
            description = "For the holder of the subscriber's token; sections and newsletters replace the stored ones.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesInput.class),
            examples = @ExampleObject(name = "preferences", value = "{\"sections\": [\"world\"], \"newsletters\": [\"weekly\"]}")))
    @APIResponse(responseCode = "200", description = "The preferences as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesView.class),
                    examples = @ExampleObject(name = "preferences", value = PREFERENCES)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PreferencesView changePreferences(@Parameter(description = TOKEN_DOC, required = true, example = TOKEN_EXAMPLE) @QueryParam("token") String token,
                                             @Valid @NotNull PreferencesInput body) {
        return subscriptions.changePreferences(required(token), body);
    }

    @POST
    @Path("unsubscribe")
    @SecurityRequirementsSet
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe",
            description = "For the holder of the subscriber's token; no login. Idempotent. Takes any body, so mail clients can send "
                    + "the RFC 8058 one-click form body List-Unsubscribe=One-Click to the URL in the List-Unsubscribe header.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "one-click", value = "List-Unsubscribe=One-Click")))
    @APIResponse(responseCode = "200", description = "Unsubscribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesView.class),
                    examples = @ExampleObject(name = "preferences", value = """
                            {"email": "anna.kowalska@example.com", "name": "Anna Kowalska", "sections": ["world"], "newsletters": ["daily"],
                             "status": "UNSUBSCRIBED"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PreferencesView unsubscribe(@Parameter(description = TOKEN_DOC, required = true, example = TOKEN_EXAMPLE) @QueryParam("token") String token) {
        return subscriptions.unsubscribe(required(token));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listSubscribers", summary = "List subscribers",
            description = "Newest first, keyset-paged; with Accept: text/csv, every matching subscriber as one streamed CSV file (no paging).")
    @APIResponse(responseCode = "200", description = "A page of subscribers, or the CSV export",
            headers = @Header(name = "Link", description = "`<url>; rel=\"next\"` while there is a next page", schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriberList.class),
                            examples = @ExampleObject(name = "subscribers", value = "{\"items\": [" + SUBSCRIBER + "], \"next\": null}")),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", value = "id,email,name,sections,newsletters,status,created_at,confirmed_at,"
                                    + "unsubscribed_at,consent_at,consent_address\r\n3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b,anna.kowalska@example.com,"
                                    + "Anna Kowalska,world culture,daily,ACTIVE,2026-11-24T09:30:00Z,2026-11-24T09:41:00Z,,2026-11-24T09:30:00Z,203.0.113.7\r\n"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@Parameter(description = "Only this status", schema = @Schema(enumeration = {"PENDING", "ACTIVE", "UNSUBSCRIBED"}))
                         @QueryParam("status") String status,
                         @Parameter(description = "Only subscribers of this section", example = "world") @QueryParam("section") String section,
                         @Parameter(description = "Only subscribers of this newsletter", schema = @Schema(enumeration = {"daily", "breaking", "weekly", "offers"}))
                         @QueryParam("newsletter") String newsletter,
                         @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "The `next` value of the previous page; opaque") @QueryParam("cursor") String cursor,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        SubscriberLists.Filter filter = new SubscriberLists.Filter(parse("status", status, SubscriptionStatus::valueOf, errors),
                section == null || section.isBlank() ? null : section, parse("newsletter", newsletter, Newsletter::of, errors));
        int pageSize = PageSize.parse(limit, errors);
        Cursor after = null;
        if (cursor != null) {
            try {
                after = Cursor.decode(cursor, SubscriberLists.SORT);
                after.time();
            } catch (InvalidInput e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (headers.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType())) {
            StreamingOutput csv = output -> {
                var writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
                lists.export(filter, writer);
                writer.flush();
            };
            return Response.ok(csv, CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"subscribers.csv\"").build();
        }
        Page<SubscriberView> page = lists.page(filter, after, pageSize);
        var answer = Response.ok(page, MediaType.APPLICATION_JSON_TYPE);
        page.nextLink(uri).ifPresent(link -> answer.header("Link", link));
        return answer.build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getSubscriber", summary = "Get one subscriber", description = "With the proof of consent.")
    @APIResponse(responseCode = "200", description = "The subscriber",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriberView.class),
                    examples = @ExampleObject(name = "subscriber", value = SUBSCRIBER)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubscriberView get(@Parameter(description = "The subscriber's id", example = "3f2b8c1e-9d4a-4e7b-b6f0-2a1c5d8e9f03") @PathParam("id") String id) {
        return subscriptions.get(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "eraseSubscriber", summary = "Erase a subscriber",
            description = "Deletes the person's data for good: the subscription, its tokens and its mails, sent or queued.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void erase(@Parameter(description = "The subscriber's id", example = "3f2b8c1e-9d4a-4e7b-b6f0-2a1c5d8e9f03") @PathParam("id") String id) {
        subscriptions.erase(id);
    }

    /** The client's address as the HTTP layer sees it (behind a proxy: see quarkus.http.proxy.* in the README). */
    private static String clientAddress(HttpServerRequest request) {
        if (request.remoteAddress() == null) {
            return "unknown";
        }
        String address = request.remoteAddress().hostAddress();
        return address != null ? address : String.valueOf(request.remoteAddress().host());
    }

    private static String required(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidInput("token", "is required: the token from the mail");
        }
        return token;
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not one of the values the document lists"));
            return null;
        }
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "SubscriberList", requiredProperties = "items")
    record SubscriberList(List<SubscriberView> items, @Schema(description = "Cursor of the next page; null on the last page") String next) {
    }
}

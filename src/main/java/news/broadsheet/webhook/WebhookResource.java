package news.broadsheet.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.auth.Roles;
import news.broadsheet.event.EventExamples;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.paging.PageSize;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Webhooks")
public class WebhookResource {

    private static final String ID_DOC = "The webhook's id";
    private static final String ID_EXAMPLE = "5b1f0a3e-8c2d-4e7f-9a6b-3c4d5e6f7a8b";
    private static final String DELIVERY_FORMAT = "Each delivery is a POST by the Standard Webhooks specification (standardwebhooks.com): "
            + "the body is the event as JSON `{\"type\", \"timestamp\", \"data\"}`, the headers `webhook-id` (the event's id, the same "
            + "for every attempt: deduplicate on it), `webhook-timestamp` (the attempt's time, Unix seconds) and `webhook-signature` "
            + "(`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the secret; two, space-separated, for a day after a "
            + "rotation). Verify with any Standard Webhooks library. Answer 2xx within broadsheet.webhooks.timeout (10 s): anything "
            + "else, a redirect included, is a failure, retried after about 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h for 24 hours "
            + "(broadsheet.webhooks.retry-delays, retry-for; with jitter), across restarts. Only the first 200 characters of an answer "
            + "are read and recorded.";
    private static final String BODY_EXAMPLE_DOC = "Example of a delivery's body: " + EventExamples.PUBLISHED;

    private final WebhookService webhooks;
    private final WebhookDeliveries deliveries;

    WebhookResource(WebhookService webhooks, WebhookDeliveries deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events",
            description = "Answers the signing secret this once. From the commit of this request on, every event of the chosen types is "
                    + "queued for the URL in the transaction of its change (an outbox), so none is lost, also across restarts and "
                    + "outages. " + DELIVERY_FORMAT + " " + BODY_EXAMPLE_DOC)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookInput.class),
            examples = @ExampleObject(name = "frontend", value = WebhookExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewWebhook.class),
                    examples = @ExampleObject(name = "webhook", value = WebhookExamples.CREATED)))
    @APIResponse(responseCode = "400", description = "Invalid input: not an http(s) URL, a private or loopback target, an unknown event type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "privateTarget", value = WebhookExamples.PRIVATE_TARGET)))
    @APIResponse(responseCode = "501", description = "The operator has not set broadsheet.webhooks.secret-key, which encrypts secrets",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<NewWebhook> create(@Valid @NotNull WebhookInput body, @Context UriInfo uri) {
        NewWebhook created = webhooks.create(body);
        return RestResponse.ResponseBuilder
                .<NewWebhook>created(uri.getBaseUriBuilder().path(WebhookResource.class).path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks", description = "Oldest first; never their secrets. Never paged: next is always null.")
    @APIResponse(responseCode = "200", description = "Every webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookList.class),
                    examples = @ExampleObject(name = "webhooks", value = WebhookExamples.LIST)))
    public Page<WebhookView> list() {
        return new Page<>(webhooks.list(), null, null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Get one webhook", description = "Never its secret.")
    @APIResponse(responseCode = "200", description = "The webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = {@ExampleObject(name = "webhook", value = WebhookExamples.WEBHOOK),
                            @ExampleObject(name = "disabled", value = WebhookExamples.DISABLED)}))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WebhookView get(@Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id) {
        return webhooks.get(uuid(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchWebhook", summary = "Change a webhook",
            description = "RFC 7396 JSON Merge Patch of url, events, description and enabled (`events`, an array, is replaced whole). "
                    + "`{\"enabled\": true}` resumes a disabled webhook: deliveries still pending go out, events while it was disabled "
                    + "were not queued (read them from the change feed).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = WebhookInput.class),
            examples = {@ExampleObject(name = "events", value = WebhookExamples.PATCH),
                    @ExampleObject(name = "enable", value = "{\"enabled\": true}")}))
    @APIResponse(responseCode = "200", description = "The changed webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = WebhookExamples.WEBHOOK)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WebhookView patch(@Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id, String body)
            throws JsonProcessingException {
        return webhooks.patch(uuid(id), body);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook", description = "With its delivery log; pending deliveries are not sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id) {
        webhooks.delete(uuid(id));
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a webhook a new secret",
            description = "Answers the new secret this once. Deliveries carry two signatures, by the new and the previous secret, until "
                    + "previousSecretExpiresAt (24 hours, broadsheet.webhooks.previous-secret-lifetime): switch the receiver meanwhile.")
    @APIResponse(responseCode = "200", description = "The new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotatedSecret.class),
                    examples = @ExampleObject(name = "rotated", value = WebhookExamples.ROTATED)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RotatedSecret rotate(@Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id) {
        return webhooks.rotate(uuid(id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a webhook",
            description = "Newest first, keyset-paged (follow next, or the Link header). Deliveries are kept as long as their events "
                    + "(broadsheet.events.retention).")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryList.class),
                    examples = @ExampleObject(name = "deliveries", value = WebhookExamples.DELIVERIES)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<Page<DeliveryView>> deliveries(
            @Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id,
            @Parameter(description = "Only deliveries in this state", schema = @Schema(implementation = DeliveryStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "The next of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(in = ParameterIn.QUERY, description = "Deliveries a page, 1 to 100, 20 when left out",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "100",
                            defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageSize.parse(limit, errors);
        DeliveryStatus only = status == null ? null : DeliveryStatus.parse(status, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor, WebhookDeliveries.SORT);
        return deliveries.list(uuid(id), only, after, size).answer(uri);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again",
            description = "Queues it again at once, with the same webhook-id, and retries it for retry-for from now: a failed one after "
                    + "the receiver is fixed, or a delivered one the receiver lost. Answers the delivery, PENDING.")
    @APIResponse(responseCode = "202", description = "Queued; the sender takes it within a second",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "delivery", value = WebhookExamples.DELIVERY)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<DeliveryView> redeliver(
            @Parameter(description = ID_DOC, example = ID_EXAMPLE) @PathParam("id") String id,
            @Parameter(description = "The delivery's id, from the log", example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a")
            @PathParam("deliveryId") String deliveryId) {
        return RestResponse.accepted(deliveries.redeliver(uuid(id), uuid(deliveryId)));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("webhook or delivery", id);
        }
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "WebhookList", requiredProperties = "items")
    record WebhookList(List<WebhookView> items, @Schema(description = "Always null: webhooks come in one page") String next) {
    }

    /** The log's shape, for the OpenAPI document. */
    @Schema(name = "DeliveryList", requiredProperties = "items")
    record DeliveryList(List<DeliveryView> items, @Schema(description = "The cursor of the next page; null on the last") String next) {
    }
}

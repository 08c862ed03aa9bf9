package news.broadsheet.event;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import news.broadsheet.auth.Roles;
import news.broadsheet.web.paging.PageSize;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.Gone;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SecurityRequirement(name = "bearer")
@Tag(name = "Events")
public class EventResource {

    private static final int MAX_PAGE = 1000;
    private static final int DEFAULT_PAGE = 100;

    private final ChangeEvents events;

    EventResource(ChangeEvents events) {
        this.events = events;
    }

    @GET
    @Operation(operationId = "listEvents", summary = "Read the change feed",
            description = "Every change the public can see, in the order the changes committed, each once: the same events webhooks "
                    + "deliver, for integrators that poll. Start without `after` (from the oldest event kept), then always send the "
                    + "`next` of the last answer: it is never null, and an empty `items` means you are up to date (poll again later "
                    + "with the same `next`). An event appears only once its change has committed, and never before an event that "
                    + "committed earlier, so a cursor never skips one.")
    @APIResponse(responseCode = "200", description = "The events after the cursor, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class),
                    examples = @ExampleObject(name = "events", value = EventExamples.FEED)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "410", description = "The cursor is older than the events kept (broadsheet.events.retention, 30 days)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "expired", value = """
                            {"type": "urn:broadsheet:problem:events-expired", "title": "Gone", "status": 410,
                             "detail": "Events after this cursor were removed: events are kept for broadsheet.events.retention. Read the feed again from its start (without 'after') and reconcile",
                             "instance": "/api/v1/events"}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public EventPage list(
            @Parameter(description = "The `next` of the previous answer; left out: from the beginning", example = "1041.52311")
            @QueryParam("after") String after,
            @Parameter(description = "Events per answer, 1 to " + MAX_PAGE + ", " + DEFAULT_PAGE + " when left out",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1",
                            maximum = "" + MAX_PAGE, defaultValue = "" + DEFAULT_PAGE))
            @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        int size = PageSize.parse(limit, DEFAULT_PAGE, MAX_PAGE, errors);
        ChangeEvents.Position position = position(after, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (after != null && position.commit() < events.prunedThrough()) {
            throw new Gone("events-expired", "Events after this cursor were removed: events are kept for broadsheet.events.retention. "
                    + "Read the feed again from its start (without 'after') and reconcile");
        }
        List<ChangeEvents.Placed> page = events.after(position, size);
        ChangeEvents.Position last = page.isEmpty() ? position : page.get(page.size() - 1).position();
        return new EventPage(page.stream().map(ChangeEvents.Placed::event).toList(), last.cursor());
    }

    /** A cursor is the place of an event in the feed: its commit's number and its id, "1041.52311". */
    private static ChangeEvents.Position position(String after, List<FieldError> errors) {
        if (after == null) {
            return ChangeEvents.Position.START;
        }
        String[] parts = after.trim().split("\\.", -1);
        try {
            if (parts.length == 2) {
                ChangeEvents.Position position = new ChangeEvents.Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                if (position.commit() >= 0 && position.event() >= 0) {
                    return position;
                }
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(new FieldError("after", "is not a cursor of this feed: send the 'next' of an answer"));
        return ChangeEvents.Position.START;
    }

    @Schema(name = "EventPage", requiredProperties = {"items", "next"})
    public record EventPage(List<ChangeEvent> items,
                            @Schema(description = "Never null: the cursor to send as `after` next time, also when items is empty",
                                    examples = "1043.52313") String next) {
    }
}

package news.broadsheet.webhook;

import news.broadsheet.web.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;

@Schema(name = "DeliveryStatus", description = "PENDING: not delivered yet, another attempt is due at nextAttemptAt (or the webhook is "
        + "disabled); DELIVERED: the receiver answered 2xx; FAILED: every attempt failed during the retry period, and no more are made "
        + "unless a redelivery is asked for")
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    /** The status a query names; a bad one is added to {@code errors}. */
    static DeliveryStatus parse(String raw, List<FieldError> errors) {
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "must be one of " + List.of(values())));
            return null;
        }
    }
}

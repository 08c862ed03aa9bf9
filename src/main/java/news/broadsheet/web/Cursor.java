package news.broadsheet.web;

import news.broadsheet.database.Clock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position: the sort it belongs to and the (time, id) of the last item served.
 * Opaque to clients; a cursor from another sort order is refused rather than misread.
 */
public record Cursor(String sort, Instant time, UUID id) {

    private static final String VERSION = "v1";

    public String encode() {
        String plain = String.join("|", VERSION, sort, time.toString(), id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidInput when the cursor is not one this service issued for {@code expectedSort} */
    public static Cursor decode(String encoded, String expectedSort) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new InvalidInput("cursor", "is not a cursor from this API");
            }
            if (!parts[1].equals(expectedSort)) {
                throw new InvalidInput("cursor", "belongs to sort '" + parts[1] + "', not '" + expectedSort + "'");
            }
            Instant time = Instant.parse(parts[2]);
            if (!Clock.isStorable(time)) {
                throw new InvalidInput("cursor", "is not a cursor from this API");
            }
            return new Cursor(parts[1], time, UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInput("cursor", "is not a cursor from this API");
        }
    }
}

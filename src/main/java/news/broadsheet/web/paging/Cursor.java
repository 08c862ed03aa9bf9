package news.broadsheet.web.paging;

import news.broadsheet.database.Clock;
import news.broadsheet.web.problem.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A keyset position: the sort it belongs to, the sort key of the last item served (a time, or a search rank and a
 * time) and its id.
 * Opaque to clients; a cursor from another sort order is refused rather than misread.
 */
public record Cursor(String sort, String key, UUID id) {

    private static final String VERSION = "v1";
    private static final String RANK_AND_TIME = "@";
    private static final String WINDOW = "~";

    public static Cursor after(String sort, Instant time, UUID id) {
        return new Cursor(sort, time.toString(), id);
    }

    /** A position in a ranked list: the rank, then the time that breaks ties. */
    public static Cursor after(String sort, float rank, Instant time, UUID id) {
        return new Cursor(sort, rank + RANK_AND_TIME + time, id);
    }

    /**
     * This position with what else a list needs to go on where it stopped (relevance search keeps the window of ranked
     * candidates it began with, so that articles published meanwhile move nothing already served).
     */
    public Cursor withWindow(String window) {
        if (window.contains(WINDOW) || window.contains("|")) {
            throw new IllegalArgumentException("A cursor's window holds no '" + WINDOW + "' or '|': " + window);
        }
        return new Cursor(sort, position() + WINDOW + window, id);
    }

    /** The window given by {@link #withWindow}, if any. */
    public Optional<String> window() {
        int at = key.indexOf(WINDOW);
        return at < 0 ? Optional.empty() : Optional.of(key.substring(at + 1));
    }

    /** The key without its window. */
    private String position() {
        int at = key.indexOf(WINDOW);
        return at < 0 ? key : key.substring(0, at);
    }

    public String encode() {
        String plain = String.join("|", VERSION, sort, key, id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The key as a time; @throws InvalidInput when it is not one */
    public Instant time() {
        try {
            Instant time = Instant.parse(position());
            if (Clock.isStorable(time)) {
                return time;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw notOurs();
    }

    /** Whether the key is a time rather than a search rank. */
    public boolean hasTimeKey() {
        try {
            Instant.parse(position());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The rank of a ranked position; @throws InvalidInput when the key is not a rank and a time */
    public float rank() {
        String key = position();
        int at = key.indexOf(RANK_AND_TIME);
        try {
            float rank = Float.parseFloat(at < 0 ? "x" : key.substring(0, at));
            if (Float.isFinite(rank)) {
                return rank;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw notOurs();
    }

    /** The time that breaks ties between equal ranks; @throws InvalidInput when the key is not a rank and a time */
    public Instant rankedTime() {
        String key = position();
        int at = key.indexOf(RANK_AND_TIME);
        if (at < 0) {
            throw notOurs();
        }
        return new Cursor(sort, key.substring(at + 1), id).time();
    }

    /** @throws InvalidInput when the cursor is not one this service issued for {@code expectedSort} */
    public static Cursor decode(String encoded, String expectedSort) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw notOurs();
            }
            if (!parts[1].equals(expectedSort)) {
                throw new InvalidInput("cursor", "belongs to sort '" + parts[1] + "', not '" + expectedSort + "'");
            }
            return new Cursor(parts[1], parts[2], UUID.fromString(parts[3]));
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    private static InvalidInput notOurs() {
        return new InvalidInput("cursor", "is not a cursor from this API");
    }
}

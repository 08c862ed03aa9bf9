package news.broadsheet.database;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as PostgreSQL stores them (microseconds), so a value read back equals the one written. */
public final class Clock {
    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Within years 1 to 9999: PostgreSQL's timestamptz holds more, but nothing a newsroom means lies outside. */
    public static boolean isStorable(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    public static Instant stored(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }
}

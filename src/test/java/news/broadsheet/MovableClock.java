package news.broadsheet;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' clock, in place of the system's (SystemClock is a default bean): the system time, moved by what a test
 * asks, so rules that depend on the time of day are tested without waiting. A test that moves it puts it back.
 */
@Singleton
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void moveBy(Duration duration) {
        offset = duration;
    }

    /** Sets the clock to this time, from which it runs on. */
    public void setTo(Instant time) {
        offset = Duration.between(Instant.now(), time);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service reads instants only");
    }
}

package dev.arca.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real clock plus an offset a test moves: a server started on it lets sessions and tokens expire without
 * waiting. Start it behind real time and move it on less than SigV4's 15 minutes of skew past real time.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset;

    public MovableClock(Duration offset) {
        this.offset = offset;
    }

    public void move(Duration by) {
        offset = offset.plus(by);
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
        throw new UnsupportedOperationException();
    }
}

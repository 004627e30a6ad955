package dev.arca.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a local server's activity: a package event or an audited API call, as the Activity page lists it.
 *
 * @param kind    {@code event} or {@code call}
 * @param what    the event's operation and state ("Created · Published") or the call's operation
 * @param subject the package coordinates, or the resource the call named
 * @param who     the calling principal; empty for events
 * @param outcome the call's status and error, or the version's revision
 */
public record ActivityEntry(long sequence, Instant time, String kind, String what, String subject, String who,
                            String outcome) {

    public ActivityEntry {
        Objects.requireNonNull(time);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(what);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(who);
        Objects.requireNonNull(outcome);
    }

    /** Whether any visible field contains {@code text}, ignoring case. */
    public boolean mentions(String text) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return what.toLowerCase(java.util.Locale.ROOT).contains(needle)
                || subject.toLowerCase(java.util.Locale.ROOT).contains(needle)
                || who.toLowerCase(java.util.Locale.ROOT).contains(needle)
                || outcome.toLowerCase(java.util.Locale.ROOT).contains(needle);
    }
}

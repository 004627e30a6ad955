package dev.arca.core.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the date values Date* operators compare: W3C ISO 8601 forms or epoch seconds (policies.md §2.3). */
public final class ConditionDate {

    private ConditionDate() {
    }

    /** The instant {@code text} denotes; dates and times without an offset are UTC. Empty when malformed. */
    public static Optional<Instant> parse(String text) {
        String value = text.strip();
        if (value.matches("-?[0-9]{1,12}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        }
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (value.endsWith("Z") || value.matches(".*[+-][0-9]{2}:?[0-9]{2}$")) {
                return Optional.of(OffsetDateTime.parse(value.replaceFirst("([+-][0-9]{2})([0-9]{2})$", "$1:$2"))
                        .toInstant());
            }
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

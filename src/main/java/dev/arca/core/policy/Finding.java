package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.Position;
import java.util.List;
import java.util.Objects;

/** One policy lint finding, shaped like Access Analyzer's ValidatePolicyFinding (policies.md §4.1). */
public record Finding(FindingType type, String issueCode, String findingDetails, List<Location> locations) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issueCode, "issueCode");
        Objects.requireNonNull(findingDetails, "findingDetails");
        locations = List.copyOf(locations);
    }

    /**
     * Where a finding points: the JSON path ({@code Statement[0].Principal.AWS}) and the span, lines from 1 and columns
     * from 0 like Access Analyzer's Position; the end is exclusive.
     */
    public record Location(String path, int line, int column, int endLine, int endColumn) {

        public Location {
            Objects.requireNonNull(path, "path");
        }

        /** The whole written extent of {@code value}. */
        public static Location of(JsonValue value) {
            return between(value.path().toString(), value.position(), value.end());
        }

        public static Location between(String path, Position start, Position end) {
            return new Location(path, start.line(), start.column(), end.line(), end.column());
        }
    }
}

package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonPath;
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
     * Where a finding points: the JSON path ({@code Statement[0].Principal.AWS}; the root for the whole text) and the
     * span, lines from 1 and columns and offsets from 0 like Access Analyzer's Position; the end is exclusive.
     */
    public record Location(JsonPath path, Position start, Position end) {

        public Location {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        /** The whole written extent of {@code value}. */
        public static Location of(JsonValue value) {
            return new Location(value.path(), value.position(), value.end());
        }

        public int line() {
            return start.line();
        }

        public int column() {
            return start.column();
        }

        public int endLine() {
            return end.line();
        }

        public int endColumn() {
            return end.column();
        }
    }
}

package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonPath;
import dev.arca.core.policy.json.Position;
import java.util.Objects;

/** Where an element was written: its JSON path and its start (inclusive) and end (exclusive) positions. */
public record SourceSpan(JsonPath path, Position start, Position end) {
    public SourceSpan {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}

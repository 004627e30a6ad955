package dev.arca.core.retention;

import dev.arca.core.ByteSizes;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dry run of a rule set over a repository: every version with its action (or KEEP) and reason, packages in
 * name order and each package's versions newest first, with totals the preview and the report show.
 *
 * @param entries           every version given to the planner, exactly once
 * @param counts            versions per action, KEEP included, every kind present (0 when none)
 * @param bytesFreed        the bytes disposing and deleting frees, counting versions whose size is known
 * @param unknownSizes      versions to dispose or delete whose size is not known (so {@code bytesFreed} is a floor)
 */
public record RetentionPlan(List<PlannedVersion> entries, Map<ActionKind, Integer> counts, long bytesFreed,
                            int unknownSizes) {

    public RetentionPlan {
        entries = List.copyOf(entries);
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** Totals for a list of entries. */
    static RetentionPlan of(List<PlannedVersion> entries) {
        Map<ActionKind, Integer> counts = new EnumMap<>(ActionKind.class);
        for (ActionKind kind : ActionKind.values()) {
            counts.put(kind, 0);
        }
        long bytes = 0;
        int unknown = 0;
        for (PlannedVersion entry : entries) {
            counts.merge(entry.kind(), 1, Integer::sum);
            bytes += entry.bytesFreed();
            if (RetentionPlanner.freesBytes(entry) && entry.version().sizeBytes().isEmpty()) {
                unknown++;
            }
        }
        return new RetentionPlan(entries, counts, bytes, unknown);
    }

    public int count(ActionKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /**
     * One line for the preview and the dry run: the non-zero counts by action and the bytes freed, e.g.
     * {@code 2,000 versions: 1,600 delete, 400 keep; frees 1.2 GB (12 of unknown size)}.
     */
    public String summary() {
        String byAction = Arrays.stream(ActionKind.values()).filter(k -> k != ActionKind.KEEP && count(k) > 0)
                .map(k -> number(count(k)) + " " + k.ruleName()).collect(Collectors.joining(", "));
        String kept = number(count(ActionKind.KEEP)) + " keep";
        String freed = count(ActionKind.DISPOSE) + count(ActionKind.DELETE) == 0 ? ""
                : "; frees " + ByteSizes.format(bytesFreed)
                + (unknownSizes == 0 ? "" : " (" + number(unknownSizes) + " of unknown size)");
        return number(entries.size()) + " versions: " + (byAction.isEmpty() ? kept : byAction + ", " + kept) + freed;
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** The versions the plan changes (everything but KEEP), in plan order: what the executor runs. */
    public List<PlannedVersion> changes() {
        return entries.stream().filter(e -> e.action().isPresent()).toList();
    }
}

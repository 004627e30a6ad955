package dev.arca.ui.packages.bulk;

import dev.arca.core.PackageFilter;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.RetentionAction;
import dev.arca.core.retention.RetentionGuards;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.workflow.LoadProgress;
import dev.arca.workflow.LoadScope;
import dev.arca.workflow.RepositoryVersionsLoader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A bulk action's versions as the service holds them — every version of each chosen package, since the guards need
 * the latest release — and their plan for one action. No JavaFX: loading runs off the FX thread, planning is pure.
 */
record ChosenVersions(BulkSelection selection, List<PackageVersions> loaded) {

    ChosenVersions {
        Objects.requireNonNull(selection, "selection");
        loaded = List.copyOf(loaded);
    }

    /**
     * Reads the chosen packages' versions, each package listed by its own ListPackages filter.
     *
     * @param sizes whether to read each version's size (for dispose and delete, which free bytes)
     */
    static ChosenVersions load(CodeArtifactGateway gateway, BulkSelection selection, boolean sizes,
                               Consumer<LoadProgress> progress) throws InterruptedException {
        Set<PackageRef> wanted = Set.copyOf(selection.packages());
        List<PackageFilter> listings = selection.packages().stream().map(p -> new PackageFilter(
                Optional.of(p.format()), p.namespace(), p.name(), Optional.empty(), Optional.empty())).toList();
        return new ChosenVersions(selection, new RepositoryVersionsLoader(gateway).load(selection.domain(),
                selection.repository(), new LoadScope(listings, wanted::contains, sizes, Optional.empty()), progress));
    }

    /** What an action of {@code kind} sends; {@code destination} and the two flags matter to a copy only. */
    static RetentionAction action(ActionKind kind, String destination, boolean allowOverwrite,
                                  boolean includeFromUpstream) {
        return kind == ActionKind.COPY ? new RetentionAction.Copy(destination, allowOverwrite, includeFromUpstream)
                : RetentionAction.of(kind);
    }

    /** Every chosen version with {@code action}, or why it is left alone. */
    RetentionPlan plan(RetentionAction action, boolean keepLatest) {
        Map<PackageRef, Set<String>> chosen = new LinkedHashMap<>();
        for (PackageVersions pkg : loaded) {
            Set<String> all = new HashSet<>();
            pkg.versions().forEach(v -> all.add(v.version()));
            chosen.put(pkg.pkg(), selection.versions().orElse(all));
        }
        return RetentionPlanner.planChosen(loaded, chosen, action,
                keepLatest ? RetentionGuards.SAFE : RetentionGuards.NONE);
    }

    /** The plan's counts, and the chosen versions that are gone since they were listed. */
    String summary(RetentionPlan plan) {
        long gone = selection.versions().map(picked -> picked.size() - plan.entries().size()).orElse(0);
        return plan.summary() + (gone > 0 ? "; " + BulkSelection.count(gone, "chosen version")
                + (gone == 1 ? " no longer exists" : " no longer exist") : "")
                + (plan.changes().isEmpty() ? ". Nothing to do." : "");
    }
}

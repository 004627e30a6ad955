package dev.arca.core.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A package's versions by publish time, newest first, from what is known of them: each version's own time, or — for
 * versions in the service's publish order ({@link PackageVersions#publishOrdered()}) — their place in that order and
 * the times read for some of them. Times never rise along the order, so a version lies between the times read
 * before and after it; two versions tie only when that pins them to the same time (ties are then broken by version
 * order, as for times known outright).
 */
final class PublishOrder {

    /** Equal ranks are equal publish times; a lower rank is newer. */
    private final Map<CandidateVersion, Integer> ranks = new HashMap<>();
    /** The newest and the oldest publish time each version can have, where known. */
    private final Map<CandidateVersion, Optional<Instant>> newest = new HashMap<>();
    private final Map<CandidateVersion, Optional<Instant>> oldest = new HashMap<>();

    private PublishOrder() {
    }

    static PublishOrder of(PackageVersions pkg) {
        return pkg.publishOrdered() ? listed(pkg.versions()) : byTime(pkg.versions());
    }

    /** Every known time is present; a version without one counts as the oldest. */
    static PublishOrder byTime(List<CandidateVersion> versions) {
        PublishOrder order = new PublishOrder();
        Map<Instant, Integer> rankOfTime = new HashMap<>();
        for (Instant time : new TreeSet<>(versions.stream().map(v -> v.publishedTime().orElse(Instant.MIN)).toList())
                .descendingSet()) {
            rankOfTime.put(time, rankOfTime.size());
        }
        for (CandidateVersion v : versions) {
            order.ranks.putIfAbsent(v, rankOfTime.get(v.publishedTime().orElse(Instant.MIN)));
            order.newest.putIfAbsent(v, v.publishedTime());
            order.oldest.putIfAbsent(v, v.publishedTime());
        }
        return order;
    }

    private static PublishOrder listed(List<CandidateVersion> versions) {
        int n = versions.size();
        // A version is no newer than the last time read at or before it, and no older than the next one at or after.
        List<Optional<Instant>> newestPossible = new ArrayList<>(Collections.nCopies(n, Optional.empty()));
        List<Optional<Instant>> oldestPossible = new ArrayList<>(Collections.nCopies(n, Optional.empty()));
        Optional<Instant> seen = Optional.empty();
        for (int i = 0; i < n; i++) {
            if (versions.get(i).publishedTime().isPresent()) {
                seen = versions.get(i).publishedTime();
            }
            newestPossible.set(i, seen);
        }
        seen = Optional.empty();
        for (int i = n - 1; i >= 0; i--) {
            if (versions.get(i).publishedTime().isPresent()) {
                seen = versions.get(i).publishedTime();
            }
            oldestPossible.set(i, seen);
        }
        PublishOrder order = new PublishOrder();
        int rank = -1;
        Optional<Instant> previousExact = Optional.empty();
        for (int i = 0; i < n; i++) {
            Optional<Instant> exact = newestPossible.get(i).isPresent()
                    && newestPossible.get(i).equals(oldestPossible.get(i)) ? newestPossible.get(i) : Optional.empty();
            if (exact.isEmpty() || !exact.equals(previousExact)) {
                rank++;
            }
            previousExact = exact;
            CandidateVersion v = versions.get(i);
            order.ranks.putIfAbsent(v, rank);
            order.newest.putIfAbsent(v, newestPossible.get(i));
            order.oldest.putIfAbsent(v, oldestPossible.get(i));
        }
        return order;
    }

    /** Newest first; versions published at the same time compare equal. */
    Comparator<CandidateVersion> newestFirst() {
        return Comparator.comparingInt(ranks::get);
    }

    /** Whether {@code version} was published before {@code cutoff}; empty when what is known does not tell. */
    Optional<Boolean> publishedBefore(CandidateVersion version, Instant cutoff) {
        if (newest.get(version).filter(t -> t.isBefore(cutoff)).isPresent()) {
            return Optional.of(true);
        }
        if (oldest.get(version).filter(t -> !t.isBefore(cutoff)).isPresent()) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}

package dev.arca.core.retention;

import dev.arca.core.VersionScheme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Reads only the publish times a rule set's plan depends on, for a package whose versions come newest published
 * first (ListPackageVersions with {@code sortBy=PUBLISHED_TIME}): the order itself says which version is newer, so a
 * time is needed only where versions may tie or an age counts. The plan of what it returns equals the plan with
 * every time known ({@link RetentionPlanner}, as of the same {@code now}). Per rule, on the versions it decides:
 * <ul>
 *   <li>keep the newest N by publish time (or by version for a format without a version order): the newest N + 1,
 *       which ranks the kept ones and tells whether the N-th ties with the next, and then each next one while it
 *       still ties;</li>
 *   <li>keep the newest N by version: the versions equal in the format's order to another (their ties go by time);</li>
 *   <li>older than D days: times never rise along the order, so a binary search finds the first version older than
 *       the cutoff, reading O(log n) of them.</li>
 * </ul>
 * With the latest-release guard on, the candidates for the latest release that could tie with it are read too.
 * Should a time read be missing, or contradict the order, every time of the package is read instead.
 */
public final class PublishTimesNeeded {

    /** Reads the publish times of versions, in the order asked; an empty one when the service has none. */
    @FunctionalInterface
    public interface Reader {
        List<Optional<Instant>> read(List<CandidateVersion> versions) throws InterruptedException;
    }

    private final RetentionPlanner planner;
    private final Instant now;

    /** @param now the moment the plan counts ages from, which the planner is then given too */
    public PublishTimesNeeded(RetentionRuleSet ruleSet, Instant now) {
        this.planner = new RetentionPlanner(ruleSet);
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * {@code listed} (its versions newest published first, times not read) with the times its plan needs: a
     * {@link PackageVersions#publishOrdered() publish-ordered} package, or, when the order proved unreliable, one
     * with every time.
     */
    public PackageVersions read(PackageVersions listed, Reader reader) throws InterruptedException {
        Reading reading = new Reading(listed.versions(), reader);
        try {
            VersionScheme scheme = VersionScheme.of(listed.pkg().format());
            List<List<Integer>> byRule = planner.decidedByRule(listed.pkg(), listed.versions());
            for (int r = 0; r < byRule.size(); r++) {
                reading.forRule(planner.ruleSet().rules().get(r).selection(), byRule.get(r), scheme, now);
            }
            RetentionRuleSet ruleSet = planner.ruleSet();
            if (ruleSet.guards().latestRelease()
                    && ruleSet.rules().stream().anyMatch(rule -> rule.action().kind().hidesVersion())) {
                reading.forLatestRelease(scheme);
            }
            return new PackageVersions(listed.pkg(), listed.defaultDisplayVersion(), reading.versions(), true);
        } catch (OutOfOrder e) {
            return reading.everyTime(listed);
        }
    }

    /** {@code listed} with every version's publish time. */
    public static PackageVersions readAll(PackageVersions listed, Reader reader) throws InterruptedException {
        return new Reading(listed.versions(), reader).everyTime(listed);
    }

    /** The times of a listing were not newest first after all, or one was missing. */
    private static final class OutOfOrder extends Exception {
        OutOfOrder() {
            super(null, null, false, false);
        }
    }

    /** The times read so far of one package's listing. */
    private static final class Reading {

        private final List<CandidateVersion> listed;
        private final Reader reader;
        private final List<Optional<Instant>> times;
        private final boolean[] read;

        Reading(List<CandidateVersion> listed, Reader reader) {
            this.listed = listed;
            this.reader = reader;
            this.times = new ArrayList<>(listed.stream().map(v -> Optional.<Instant>empty()).toList());
            this.read = new boolean[listed.size()];
        }

        void forRule(VersionSelection selection, List<Integer> decided, VersionScheme scheme, Instant now)
                throws InterruptedException, OutOfOrder {
            if (decided.isEmpty()) {
                return;
            }
            if (selection.keepNewest().isPresent()) {
                int keep = selection.keepNewest().getAsInt();
                if (selection.newestBy() == NewestBy.VERSION && scheme.ordersVersions()) {
                    readTiesInVersionOrder(decided, scheme);
                } else {
                    readNewest(decided, keep);
                }
            }
            if (selection.olderThanDays().isPresent()) {
                findCutoff(decided, now.minus(Duration.ofDays(selection.olderThanDays().getAsInt())));
            }
        }

        void forLatestRelease(VersionScheme scheme) throws InterruptedException, OutOfOrder {
            List<Integer> releases = IntStream.range(0, listed.size())
                    .filter(i -> RetentionPlanner.isRelease(scheme, listed.get(i))).boxed().toList();
            if (scheme.ordersVersions()) {
                readTiesInVersionOrder(releases, scheme);
            } else {
                readNewest(releases, 1);
            }
        }

        /** The newest {@code keep} + 1 of {@code indexes}, then each next one while it ties with the one before. */
        private void readNewest(List<Integer> indexes, int keep) throws InterruptedException, OutOfOrder {
            int end = Math.min(indexes.size(), keep + 1);
            read(indexes.subList(0, end));
            for (int next = end; next < indexes.size()
                    && times.get(indexes.get(next - 1)).equals(times.get(indexes.get(keep - 1))); next++) {
                read(List.of(indexes.get(next)));
            }
        }

        /** The versions equal in the format's order to another of {@code indexes}: time decides between them. */
        private void readTiesInVersionOrder(List<Integer> indexes, VersionScheme scheme)
                throws InterruptedException, OutOfOrder {
            Comparator<String> order = scheme.order();
            List<Integer> sorted = indexes.stream()
                    .sorted(Comparator.comparing(i -> listed.get(i).version(), order)).toList();
            List<Integer> tied = new ArrayList<>();
            for (int k = 0; k < sorted.size(); k++) {
                String version = listed.get(sorted.get(k)).version();
                boolean tiesBefore = k > 0 && order.compare(listed.get(sorted.get(k - 1)).version(), version) == 0;
                boolean tiesAfter = k + 1 < sorted.size()
                        && order.compare(version, listed.get(sorted.get(k + 1)).version()) == 0;
                if (tiesBefore || tiesAfter) {
                    tied.add(sorted.get(k));
                }
            }
            read(tied);
        }

        /** Reads the two neighbours between which the cutoff falls, so each of {@code indexes} is on a known side. */
        private void findCutoff(List<Integer> indexes, Instant cutoff) throws InterruptedException, OutOfOrder {
            int low = 0;
            int high = indexes.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                read(List.of(indexes.get(middle)));
                if (times.get(indexes.get(middle)).orElseThrow().isBefore(cutoff)) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
        }

        /** Reads the versions not read yet, and checks that every time read is there and none rises along the order. */
        private void read(List<Integer> indexes) throws InterruptedException, OutOfOrder {
            readUnchecked(indexes);
            Optional<Instant> newer = Optional.empty();
            for (int i = 0; i < listed.size(); i++) {
                if (!read[i]) {
                    continue;
                }
                Optional<Instant> time = times.get(i);
                if (time.isEmpty() || newer.filter(t -> t.isBefore(time.get())).isPresent()) {
                    throw new OutOfOrder();
                }
                newer = time;
            }
        }

        private void readUnchecked(List<Integer> indexes) throws InterruptedException {
            List<Integer> unread = indexes.stream().filter(i -> !read[i]).distinct().toList();
            if (unread.isEmpty()) {
                return;
            }
            List<Optional<Instant>> answers = reader.read(unread.stream().map(listed::get).toList());
            for (int k = 0; k < unread.size(); k++) {
                times.set(unread.get(k), answers.get(k));
                read[unread.get(k)] = true;
            }
        }

        /** {@code listed} with every time, those read already and the rest. */
        PackageVersions everyTime(PackageVersions listed) throws InterruptedException {
            readUnchecked(IntStream.range(0, this.listed.size()).boxed().toList());
            return new PackageVersions(listed.pkg(), listed.defaultDisplayVersion(), versions(), false);
        }

        List<CandidateVersion> versions() {
            List<CandidateVersion> out = new ArrayList<>(listed.size());
            for (int i = 0; i < listed.size(); i++) {
                CandidateVersion v = listed.get(i);
                out.add(new CandidateVersion(v.version(), v.status(), times.get(i), v.origin(), v.sizeBytes(),
                        v.revision()));
            }
            return out;
        }
    }
}

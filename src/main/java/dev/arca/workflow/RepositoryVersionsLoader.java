package dev.arca.workflow;

import dev.arca.core.AssetInfo;
import dev.arca.core.PackageFilter;
import dev.arca.core.PackageFormat;
import dev.arca.core.PackageInfo;
import dev.arca.core.Page;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.retention.CandidateVersion;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.PublishTimesNeeded;
import dev.arca.gateway.BoundedCalls;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ThrottlingBackoff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Reads a repository's packages and versions through the gateway into the retention planner's input: each version's
 * status, revision and origin from one ListPackageVersions listing per package, newest published first; the publish
 * times the scope needs from DescribePackageVersion (with a rule set's scope, only those that decide something — see
 * {@link PublishTimesNeeded}); and, when wanted, sizes from the versions' assets. Many calls at once, never more
 * than a bound, and again after a pause when the service throttles.
 *
 * <p>Decision: on Arca's server a listing without a status filter returns every status, as the API reference and
 * botocore's model say ("Package versions of all statuses will be returned by default"), so one listing per package
 * is complete. The User Guide says AWS leaves Unfinished, Unlisted, Archived and Disposed versions out by default; on
 * an AWS connection each of those statuses is also listed on its own, and a package where that finds a version the
 * first listing left out has its order incomplete: every one of its publish times is read.
 */
public final class RepositoryVersionsLoader {

    /** Packages listed at once (ListPackageVersions: 200 a second). */
    static final int LISTING_CONCURRENCY = 8;
    /**
     * Packages whose publish times are read at once, and DescribePackageVersion calls per package at once: up to 32
     * in flight, as that operation has no documented rate; throttling is still backed off.
     */
    static final int PACKAGES_AT_ONCE = 8;
    static final int DESCRIBES_PER_PACKAGE = 4;
    /** ListPackageVersionAssets calls at once (20 a second). */
    static final int SIZING_CONCURRENCY = 8;
    private static final int PAGE_SIZE = 1000;
    /** What an AWS listing without a status filter may leave out (see the class comment). */
    private static final List<VersionStatus> LISTED_ON_THEIR_OWN = Arrays.stream(VersionStatus.values())
            .filter(s -> s != VersionStatus.DELETED && s != VersionStatus.PUBLISHED).toList();

    private final VersionReads reads;
    private final ThrottlingBackoff backoff;

    public RepositoryVersionsLoader(CodeArtifactGateway gateway) {
        this(VersionReads.of(gateway), ThrottlingBackoff.sleeping());
    }

    RepositoryVersionsLoader(VersionReads reads, ThrottlingBackoff backoff) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * The packages of {@code repository} within {@code scope}, each with all its versions, in (format, namespace,
     * name) order.
     *
     * @param progress told how far each stage got, from the calling thread or a worker
     * @throws dev.arca.gateway.GatewayException the first call that failed (after retries when throttled), e.g.
     *                                           ResourceNotFoundException for a repository that does not exist
     */
    public List<PackageVersions> load(String domain, String repository, LoadScope scope,
                                      Consumer<LoadProgress> progress) throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        List<PackageInfo> packages = listPackages(domain, repository, scope);
        progress.accept(new LoadProgress(LoadProgress.Stage.LISTING_VERSIONS, 0, packages.size()));
        List<PackageVersions> listed = BoundedCalls.map(packages, LISTING_CONCURRENCY,
                pkg -> listVersions(domain, repository, pkg),
                (done, all) -> progress.accept(new LoadProgress(LoadProgress.Stage.LISTING_VERSIONS, done, all)));

        progress.accept(new LoadProgress(LoadProgress.Stage.DESCRIBING_VERSIONS, 0, packages.size()));
        List<PackageVersions> timed = BoundedCalls.map(IntStream.range(0, packages.size()).boxed().toList(),
                PACKAGES_AT_ONCE, i -> readTimes(domain, repository, packages.get(i), listed.get(i), scope),
                (done, all) -> progress.accept(new LoadProgress(LoadProgress.Stage.DESCRIBING_VERSIONS, done, all)));
        return scope.sizes() ? withSizes(domain, repository, packages, timed, progress) : timed;
    }

    /** The union of the scope's listings, each package once, kept when the scope wants it. */
    private List<PackageInfo> listPackages(String domain, String repository, LoadScope scope)
            throws InterruptedException {
        Map<PackageRef, PackageInfo> packages = new TreeMap<>();
        for (PackageFilter filter : scope.listings()) {
            Optional<String> token = Optional.empty();
            do {
                Optional<String> pageToken = token;
                Page<PackageInfo> page = backoff.call(() ->
                        reads.listPackages(domain, repository, filter, pageToken, PAGE_SIZE));
                for (PackageInfo info : page.items()) {
                    ref(info).filter(scope.packages()).ifPresent(ref -> packages.putIfAbsent(ref, info));
                }
                token = page.nextToken();
            } while (token.isPresent());
        }
        return List.copyOf(packages.values());
    }

    /**
     * Every version of a package, newest published first, without publish times; publish-ordered unless a status
     * listed on its own found a version the listing without one left out (the class comment).
     */
    private PackageVersions listVersions(String domain, String repository, PackageInfo pkg)
            throws InterruptedException {
        Map<String, VersionInfo> versions = new LinkedHashMap<>();
        Optional<String> defaultDisplay = list(domain, repository, pkg, Optional.empty(), versions);
        boolean complete = true;
        if (!reads.listsEveryStatusByDefault()) {
            for (VersionStatus status : LISTED_ON_THEIR_OWN) {
                int before = versions.size();
                Optional<String> more = list(domain, repository, pkg, Optional.of(status), versions);
                complete &= versions.size() == before;
                defaultDisplay = defaultDisplay.or(() -> more);
            }
        }
        List<CandidateVersion> candidates = versions.values().stream().map(v -> CandidateVersion.of(v,
                Optional.empty(), v.status().equals(VersionStatus.DISPOSED.wireName())
                        ? OptionalLong.of(0) // a disposed version's assets are already gone
                        : OptionalLong.empty())).toList();
        return new PackageVersions(ref(pkg).orElseThrow(), defaultDisplay, candidates, complete);
    }

    /**
     * Adds every page of one listing to {@code versions} (a version seen before, which moved meanwhile, counts once).
     *
     * @return the default display version the listing marked, if any
     */
    private Optional<String> list(String domain, String repository, PackageInfo pkg, Optional<VersionStatus> status,
                                  Map<String, VersionInfo> versions) throws InterruptedException {
        Optional<String> defaultDisplay = Optional.empty();
        Optional<String> token = Optional.empty();
        do {
            Optional<String> pageToken = token;
            Page<VersionInfo> page = backoff.call(() -> reads.listVersions(domain, repository, pkg, status,
                    pageToken, PAGE_SIZE));
            for (VersionInfo version : page.items()) {
                versions.putIfAbsent(version.version(), version);
                if (version.defaultDisplay() && defaultDisplay.isEmpty()) {
                    defaultDisplay = Optional.of(version.version());
                }
            }
            token = page.nextToken();
        } while (token.isPresent());
        return defaultDisplay;
    }

    /** The package with the publish times the scope needs: a rule set's, or every one. */
    private PackageVersions readTimes(String domain, String repository, PackageInfo pkg, PackageVersions listed,
                                      LoadScope scope) throws InterruptedException {
        PublishTimesNeeded.Reader reader = versions -> BoundedCalls.map(versions, DESCRIBES_PER_PACKAGE,
                v -> backoff.call(() -> reads.publishedTime(domain, repository, pkg, v.version())), (done, all) -> { });
        if (scope.times().isPresent() && listed.publishOrdered()) {
            return scope.times().get().read(listed, reader);
        }
        return PublishTimesNeeded.readAll(listed, reader);
    }

    /** The packages with each version's size: the sum of its assets' (a disposed version's is 0 already). */
    private List<PackageVersions> withSizes(String domain, String repository, List<PackageInfo> packages,
                                            List<PackageVersions> timed, Consumer<LoadProgress> progress)
            throws InterruptedException {
        record Sized(int pkg, int version) {
        }
        List<Sized> calls = new ArrayList<>();
        for (int p = 0; p < timed.size(); p++) {
            for (int v = 0; v < timed.get(p).versions().size(); v++) {
                if (timed.get(p).versions().get(v).sizeBytes().isEmpty()) {
                    calls.add(new Sized(p, v));
                }
            }
        }
        progress.accept(new LoadProgress(LoadProgress.Stage.SIZING_VERSIONS, 0, calls.size()));
        List<Long> sizes = BoundedCalls.map(calls, SIZING_CONCURRENCY, call -> {
            String version = timed.get(call.pkg()).versions().get(call.version()).version();
            return backoff.call(() -> reads.assets(domain, repository, packages.get(call.pkg()), version))
                    .stream().mapToLong(AssetInfo::size).sum();
        }, (done, all) -> progress.accept(new LoadProgress(LoadProgress.Stage.SIZING_VERSIONS, done, all)));

        List<List<CandidateVersion>> versions = new ArrayList<>(timed.stream()
                .map(p -> new ArrayList<>(p.versions())).toList());
        for (int i = 0; i < calls.size(); i++) {
            Sized call = calls.get(i);
            CandidateVersion v = versions.get(call.pkg()).get(call.version());
            versions.get(call.pkg()).set(call.version(), new CandidateVersion(v.version(), v.status(),
                    v.publishedTime(), v.origin(), OptionalLong.of(sizes.get(i)), v.revision()));
        }
        List<PackageVersions> out = new ArrayList<>(timed.size());
        for (int p = 0; p < timed.size(); p++) {
            PackageVersions pkg = timed.get(p);
            out.add(new PackageVersions(pkg.pkg(), pkg.defaultDisplayVersion(), versions.get(p),
                    pkg.publishOrdered()));
        }
        return out;
    }

    private static Optional<PackageRef> ref(PackageInfo info) {
        return PackageFormat.fromWire(info.format()).map(f -> new PackageRef(f, info.namespace(), info.name()));
    }
}

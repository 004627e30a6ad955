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
import dev.arca.gateway.BoundedCalls;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ThrottlingBackoff;
import java.time.Instant;
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

/**
 * Reads a repository's packages and versions through the gateway into the retention planner's input: each version's
 * status, revision and origin from ListPackageVersions (asked once per status, since the service's default status
 * filter is not the same everywhere), its publish time from DescribePackageVersion and, when wanted, its size from
 * its assets — many calls at once, but never more than a bound, and again after a pause when the service throttles.
 */
public final class RepositoryVersionsLoader {

    static final int DEFAULT_CONCURRENCY = 8;
    private static final int PAGE_SIZE = 1000;
    /** Every status a stored version can have; Deleted versions are gone and never listed. */
    private static final List<VersionStatus> LISTED_STATUSES = Arrays.stream(VersionStatus.values())
            .filter(s -> s != VersionStatus.DELETED).toList();

    private final CodeArtifactGateway gateway;
    private final ThrottlingBackoff backoff;
    private final int concurrency;

    public RepositoryVersionsLoader(CodeArtifactGateway gateway) {
        this(gateway, ThrottlingBackoff.sleeping(), DEFAULT_CONCURRENCY);
    }

    RepositoryVersionsLoader(CodeArtifactGateway gateway, ThrottlingBackoff backoff, int concurrency) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.concurrency = concurrency;
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
        List<Listed> listed = BoundedCalls.map(packages, concurrency, pkg -> listVersions(domain, repository, pkg),
                (done, all) -> progress.accept(new LoadProgress(LoadProgress.Stage.LISTING_VERSIONS, done, all)));

        List<VersionCall> calls = new ArrayList<>();
        for (Listed each : listed) {
            each.versions().forEach(v -> calls.add(new VersionCall(each.info(), v)));
        }
        progress.accept(new LoadProgress(LoadProgress.Stage.DESCRIBING_VERSIONS, 0, calls.size()));
        List<CandidateVersion> described = BoundedCalls.map(calls, concurrency,
                call -> describe(domain, repository, call, scope.sizes()),
                (done, all) -> progress.accept(new LoadProgress(LoadProgress.Stage.DESCRIBING_VERSIONS, done, all)));

        List<PackageVersions> result = new ArrayList<>(listed.size());
        int next = 0;
        for (Listed each : listed) {
            List<CandidateVersion> versions = described.subList(next, next + each.versions().size());
            next += each.versions().size();
            result.add(new PackageVersions(each.ref(), each.defaultDisplayVersion(), versions));
        }
        return result;
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
                        gateway.listPackages(domain, repository, filter, pageToken, PAGE_SIZE));
                for (PackageInfo info : page.items()) {
                    ref(info).filter(scope.packages()).ifPresent(ref -> packages.putIfAbsent(ref, info));
                }
                token = page.nextToken();
            } while (token.isPresent());
        }
        return List.copyOf(packages.values());
    }

    /** Every version of a package, asking for each status in turn; a version seen twice (it moved) counts once. */
    private Listed listVersions(String domain, String repository, PackageInfo pkg) throws InterruptedException {
        Map<String, VersionInfo> versions = new LinkedHashMap<>();
        Optional<String> defaultDisplay = Optional.empty();
        for (VersionStatus status : LISTED_STATUSES) {
            Optional<String> token = Optional.empty();
            do {
                Optional<String> pageToken = token;
                Page<VersionInfo> page = backoff.call(() -> gateway.listVersions(domain, repository, pkg,
                        Optional.of(status), pageToken, PAGE_SIZE));
                for (VersionInfo version : page.items()) {
                    versions.putIfAbsent(version.version(), version);
                    if (version.defaultDisplay() && defaultDisplay.isEmpty()) {
                        defaultDisplay = Optional.of(version.version());
                    }
                }
                token = page.nextToken();
            } while (token.isPresent());
        }
        return new Listed(pkg, ref(pkg).orElseThrow(), defaultDisplay, List.copyOf(versions.values()));
    }

    private CandidateVersion describe(String domain, String repository, VersionCall call, boolean sizes)
            throws InterruptedException {
        Optional<Instant> published = backoff.call(() -> gateway.describeVersion(domain, repository, call.pkg(),
                call.version().version())).publishedTime();
        OptionalLong size = OptionalLong.empty();
        if (call.version().status().equals(VersionStatus.DISPOSED.wireName())) {
            size = OptionalLong.of(0); // a disposed version's assets are already gone
        } else if (sizes) {
            size = OptionalLong.of(backoff.call(() -> gateway.listAssets(domain, repository, call.pkg(),
                    call.version().version())).stream().mapToLong(AssetInfo::size).sum());
        }
        return CandidateVersion.of(call.version(), published, size);
    }

    private static Optional<PackageRef> ref(PackageInfo info) {
        return PackageFormat.fromWire(info.format()).map(f -> new PackageRef(f, info.namespace(), info.name()));
    }

    private record Listed(PackageInfo info, PackageRef ref, Optional<String> defaultDisplayVersion,
                          List<VersionInfo> versions) {
    }

    private record VersionCall(PackageInfo pkg, VersionInfo version) {
    }
}

package dev.arca.workflow;

import dev.arca.core.PackageInfo;
import dev.arca.core.Page;
import dev.arca.core.UpstreamSearchOrder;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.graph.UpstreamGraph;
import dev.arca.core.retention.CandidateVersion;
import dev.arca.core.retention.DownstreamUse;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PackageVersions;
import dev.arca.gateway.BoundedCalls;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
import dev.arca.gateway.ThrottlingBackoff;
import dev.arca.gateway.UpstreamGraphSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which versions of a repository other repositories of the domain get from it through their upstreams, for the
 * "served downstream" guard. A request to a repository is served by the first repository of its search order that
 * holds the version in a status clients can download (Published or Unlisted), so a version here is served to a
 * reading repository when neither it nor any repository searched before this one holds the version.
 *
 * <p>Conservative by design: package origin controls and package groups, which can stop a search before it reaches
 * this repository for some packages, are not consulted, so the guard may keep a version nobody would get from here —
 * never the reverse. Calls: the domain's graph (ListRepositoriesInDomain, DescribeRepository per repository), then
 * ListPackageVersions of each package in each repository searched before this one, a few at a time, backing off when
 * throttled; nothing when no repository reads this one.
 */
public final class DownstreamUseFinder {

    private static final int PAGE_SIZE = 1000;
    private static final Set<VersionStatus> SERVABLE = Set.of(VersionStatus.PUBLISHED, VersionStatus.UNLISTED);

    private final CodeArtifactGateway gateway;
    private final ThrottlingBackoff backoff;
    private final int concurrency;

    public DownstreamUseFinder(CodeArtifactGateway gateway) {
        this(gateway, ThrottlingBackoff.sleeping(), RepositoryVersionsLoader.LISTING_CONCURRENCY);
    }

    DownstreamUseFinder(CodeArtifactGateway gateway, ThrottlingBackoff backoff, int concurrency) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.concurrency = concurrency;
    }

    /**
     * What the repositories reading {@code repository} get from it of {@code packages} (as the loader read them).
     *
     * @throws GatewayException when the graph or a listing cannot be read (one sentence)
     */
    public DownstreamUse find(String domain, String repository, List<PackageVersions> packages)
            throws InterruptedException {
        UpstreamGraph graph = new UpstreamGraphSource(gateway).load(domain, (done, all) -> { });
        if (!graph.contains(repository)) {
            return DownstreamUse.none();
        }
        Map<String, List<String>> searchedBefore = searchedBefore(graph, repository);
        if (searchedBefore.isEmpty()) {
            return DownstreamUse.none();
        }
        Set<String> others = new LinkedHashSet<>();
        searchedBefore.values().forEach(others::addAll);
        List<Listing> listings = new ArrayList<>();
        for (PackageVersions pkg : packages) {
            if (pkg.versions().stream().anyMatch(v -> SERVABLE.contains(v.status()))) {
                others.forEach(other -> listings.add(new Listing(other, pkg.pkg())));
            }
        }
        List<Set<String>> held = BoundedCalls.map(listings, concurrency, listing -> servable(domain, listing),
                (done, all) -> { });
        Map<Listing, Set<String>> holding = new HashMap<>();
        for (int i = 0; i < listings.size(); i++) {
            holding.put(listings.get(i), held.get(i));
        }

        Map<PackageRef, Map<String, String>> served = new HashMap<>();
        for (PackageVersions pkg : packages) {
            for (CandidateVersion version : pkg.versions()) {
                if (!SERVABLE.contains(version.status())) {
                    continue;
                }
                searchedBefore.entrySet().stream()
                        .filter(reader -> reader.getValue().stream().noneMatch(other -> holding
                                .getOrDefault(new Listing(other, pkg.pkg()), Set.of()).contains(version.version())))
                        .map(Map.Entry::getKey).findFirst()
                        .ifPresent(reader -> served.computeIfAbsent(pkg.pkg(), p -> new HashMap<>())
                                .put(version.version(), reader));
            }
        }
        return DownstreamUse.of(served);
    }

    /**
     * For each repository whose requests search {@code repository} (within the search budget), in name order: the
     * repositories its requests search before reaching it, itself first.
     */
    static Map<String, List<String>> searchedBefore(UpstreamGraph graph, String repository) {
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String reader : graph.downstreamOf(repository)) {
            List<String> searched = new ArrayList<>();
            for (UpstreamSearchOrder.Stop<String> stop : graph.searchPlan(reader).searched()) {
                if (stop.repository().equals(repository)) {
                    break;
                }
                searched.add(stop.repository());
            }
            before.put(reader, List.copyOf(searched));
        }
        return before;
    }

    /** The versions of the package {@code listing.repository()} holds in a status clients can download. */
    private Set<String> servable(String domain, Listing listing) throws InterruptedException {
        PackageRef ref = listing.pkg();
        PackageInfo pkg = new PackageInfo(ref.format().wireName(), ref.namespace(), ref.name(), "", "");
        Set<String> versions = new HashSet<>();
        for (VersionStatus status : SERVABLE) {
            Optional<String> token = Optional.empty();
            do {
                Optional<String> pageToken = token;
                Page<VersionInfo> page;
                try {
                    page = backoff.call(() -> gateway.listVersions(domain, listing.repository(), pkg,
                            Optional.of(status), pageToken, PAGE_SIZE));
                } catch (GatewayException e) {
                    if (e.errorCode().filter("ResourceNotFoundException"::equals).isPresent()) {
                        return versions; // the repository does not have the package
                    }
                    throw e;
                }
                page.items().forEach(v -> versions.add(v.version()));
                token = page.nextToken();
            } while (token.isPresent());
        }
        return versions;
    }

    private record Listing(String repository, PackageRef pkg) {
    }
}

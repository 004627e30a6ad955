package dev.arca.workflow;

import dev.arca.core.AssetInfo;
import dev.arca.core.PackageFilter;
import dev.arca.core.PackageInfo;
import dev.arca.core.Page;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
import dev.arca.gateway.ThrottlingBackoff;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real gateway's reads, counted per operation (and the throttled ones apart), for tests and benchmarks that show
 * which calls a load makes.
 */
public final class CountingReads implements VersionReads {

    /** The count of calls the service refused as throttled. */
    public static final String THROTTLED = "throttled";

    private final VersionReads real;
    private final boolean everyStatus;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** @param everyStatus what {@link #listsEveryStatusByDefault()} answers: false to load as from AWS */
    public CountingReads(CodeArtifactGateway gateway, boolean everyStatus) {
        this.real = VersionReads.of(gateway);
        this.everyStatus = everyStatus;
    }

    /** A loader that reads through this. */
    public RepositoryVersionsLoader loader() {
        return new RepositoryVersionsLoader(this, ThrottlingBackoff.sleeping());
    }

    public int count(String operation) {
        return counts.getOrDefault(operation, new AtomicInteger()).get();
    }

    /** Every operation called, with its count. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((operation, count) -> out.put(operation, count.get()));
        return out;
    }

    private <T> T counted(String operation, Supplier<T> call) {
        counts.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        try {
            return call.get();
        } catch (GatewayException e) {
            if (e.errorCode().filter("ThrottlingException"::equals).isPresent()) {
                counts.computeIfAbsent(THROTTLED, o -> new AtomicInteger()).incrementAndGet();
            }
            throw e;
        }
    }

    @Override
    public Page<PackageInfo> listPackages(String domain, String repository, PackageFilter filter,
                                          Optional<String> nextToken, int pageSize) {
        return counted("ListPackages", () -> real.listPackages(domain, repository, filter, nextToken, pageSize));
    }

    @Override
    public Page<VersionInfo> listVersions(String domain, String repository, PackageInfo pkg,
                                          Optional<VersionStatus> status, Optional<String> nextToken, int pageSize) {
        return counted("ListPackageVersions", () -> real.listVersions(domain, repository, pkg, status, nextToken,
                pageSize));
    }

    @Override
    public Optional<Instant> publishedTime(String domain, String repository, PackageInfo pkg, String version) {
        return counted("DescribePackageVersion", () -> real.publishedTime(domain, repository, pkg, version));
    }

    @Override
    public List<AssetInfo> assets(String domain, String repository, PackageInfo pkg, String version) {
        return counted("ListPackageVersionAssets", () -> real.assets(domain, repository, pkg, version));
    }

    @Override
    public boolean listsEveryStatusByDefault() {
        return everyStatus;
    }
}

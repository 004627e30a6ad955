package dev.arca.workflow;

import dev.arca.core.AssetInfo;
import dev.arca.core.PackageFilter;
import dev.arca.core.PackageInfo;
import dev.arca.core.Page;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service reads a repository load makes, one method per operation: {@link RepositoryVersionsLoader}'s door to
 * the gateway, and where tests count the calls a load makes.
 */
interface VersionReads {

    /** ListPackages: one page. */
    Page<PackageInfo> listPackages(String domain, String repository, PackageFilter filter, Optional<String> nextToken,
                                   int pageSize);

    /** ListPackageVersions with {@code sortBy=PUBLISHED_TIME}: one page, newest published first. */
    Page<VersionInfo> listVersions(String domain, String repository, PackageInfo pkg, Optional<VersionStatus> status,
                                   Optional<String> nextToken, int pageSize);

    /** DescribePackageVersion: the version's publish time, if the service has one. */
    Optional<Instant> publishedTime(String domain, String repository, PackageInfo pkg, String version);

    /** ListPackageVersionAssets, every page. */
    List<AssetInfo> assets(String domain, String repository, PackageInfo pkg, String version);

    /**
     * Whether ListPackageVersions without a status returns versions of every status. Arca's server does (as the API
     * reference says); for AWS the User Guide says otherwise, so an AWS connection is not taken at its word.
     */
    boolean listsEveryStatusByDefault();

    /** The reads through {@code gateway}. */
    static VersionReads of(CodeArtifactGateway gateway) {
        Objects.requireNonNull(gateway, "gateway");
        return new VersionReads() {
            @Override
            public Page<PackageInfo> listPackages(String domain, String repository, PackageFilter filter,
                                                  Optional<String> nextToken, int pageSize) {
                return gateway.listPackages(domain, repository, filter, nextToken, pageSize);
            }

            @Override
            public Page<VersionInfo> listVersions(String domain, String repository, PackageInfo pkg,
                                                  Optional<VersionStatus> status, Optional<String> nextToken,
                                                  int pageSize) {
                return gateway.listVersions(domain, repository, pkg, status, nextToken, pageSize);
            }

            @Override
            public Optional<Instant> publishedTime(String domain, String repository, PackageInfo pkg,
                                                   String version) {
                return gateway.describeVersion(domain, repository, pkg, version).publishedTime();
            }

            @Override
            public List<AssetInfo> assets(String domain, String repository, PackageInfo pkg, String version) {
                return gateway.listAssets(domain, repository, pkg, version);
            }

            @Override
            public boolean listsEveryStatusByDefault() {
                return gateway.profile().kind() != ConnectionKind.AWS;
            }
        };
    }
}

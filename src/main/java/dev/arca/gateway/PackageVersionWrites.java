package dev.arca.gateway;

import dev.arca.core.ServiceLimits;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.VersionWriteOutcome;
import dev.arca.core.retention.PackageRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionError;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.SuccessfulPackageVersionInfo;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;

/**
 * The batch writes on package versions — CopyPackageVersions, UpdatePackageVersionsStatus, DisposePackageVersions,
 * DeletePackageVersions — for one package and up to {@link ServiceLimits#VERSIONS_PER_BATCH} versions, each answered
 * with one outcome per requested version in request order. A request the service refuses as a whole (throttled,
 * access denied, package not found) throws a {@link GatewayException}; {@link #retryAfter} reads a throttled
 * request's {@code Retry-After}. The writes are sent once, without the SDK's retries (see {@link #NO_SDK_RETRIES}).
 */
public final class PackageVersionWrites {

    /** The error code of a request refused for the request-rate quota. */
    public static final String THROTTLED = "ThrottlingException";

    /**
     * The writes go out once: the SDK's blind retries would hide {@code Retry-After} from the executor's pacing, and
     * a write retried after a lost answer comes back MISMATCHED_STATUS for a change that was in fact made. The
     * caller retries throttled requests itself and treats a lost answer as unknown.
     */
    private static final SdkPlugin NO_SDK_RETRIES = config -> config.overrideConfiguration(
            config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

    private final CodeArtifactGateway gateway;

    public PackageVersionWrites(CodeArtifactGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /**
     * Copies versions of {@code pkg} from {@code source} to {@code destination} (same domain). A version the
     * destination already holds with the same content succeeds with empty status and revision, as the service omits it.
     *
     * @param revisions empty, or each version with the revision it must still have in the source (then sent as
     *                  {@code versionRevisions} instead of {@code versions}, as the service takes one or the other)
     */
    public List<VersionWriteOutcome> copy(String domain, String source, String destination, PackageRef pkg,
                                          List<String> versions, Map<String, String> revisions,
                                          boolean allowOverwrite, boolean includeFromUpstream) {
        checked(versions, revisions);
        var response = gateway.call("copy " + versions.size() + " versions of " + pkg.display() + " to "
                + destination, () -> gateway.sdk().copyPackageVersions(r -> r.overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES)).domain(domain)
                .domainOwner(gateway.owner(domain)).sourceRepository(source).destinationRepository(destination)
                .format(pkg.format().wireName()).namespace(CodeArtifactGateway.emptyToNull(pkg.namespace()))
                .packageValue(pkg.name()).versions(revisions.isEmpty() ? versions : null)
                .versionRevisions(revisions.isEmpty() ? null : revisions).allowOverwrite(allowOverwrite)
                .includeFromUpstream(includeFromUpstream)));
        return outcomes(versions, response.successfulVersions(), response.failedVersions());
    }

    /**
     * Sets the status of versions of {@code pkg} to {@code target} (Published, Unlisted or Archived).
     *
     * @param revisions      empty, or each version with the revision it must still have
     * @param expectedStatus the status every version must still have, when given
     */
    public List<VersionWriteOutcome> updateStatus(String domain, String repository, PackageRef pkg,
                                                  List<String> versions, Map<String, String> revisions,
                                                  Optional<VersionStatus> expectedStatus, VersionStatus target) {
        checked(versions, revisions);
        var response = gateway.call("set " + versions.size() + " versions of " + pkg.display() + " to "
                + target.wireName(), () -> gateway.sdk().updatePackageVersionsStatus(r -> r.overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES)).domain(domain)
                .domainOwner(gateway.owner(domain)).repository(repository).format(pkg.format().wireName())
                .namespace(CodeArtifactGateway.emptyToNull(pkg.namespace())).packageValue(pkg.name())
                .versions(versions).versionRevisions(revisions.isEmpty() ? null : revisions)
                .expectedStatus(expectedStatus.map(VersionStatus::wireName).orElse(null))
                .targetStatus(target.wireName())));
        return outcomes(versions, response.successfulVersions(), response.failedVersions());
    }

    /** Disposes of versions of {@code pkg}: assets deleted, status Disposed. Preconditions as for a status update. */
    public List<VersionWriteOutcome> dispose(String domain, String repository, PackageRef pkg, List<String> versions,
                                             Map<String, String> revisions, Optional<VersionStatus> expectedStatus) {
        checked(versions, revisions);
        var response = gateway.call("dispose of " + versions.size() + " versions of " + pkg.display(),
                () -> gateway.sdk().disposePackageVersions(r -> r.overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES)).domain(domain).domainOwner(gateway.owner(domain))
                        .repository(repository).format(pkg.format().wireName())
                        .namespace(CodeArtifactGateway.emptyToNull(pkg.namespace())).packageValue(pkg.name())
                        .versions(versions).versionRevisions(revisions.isEmpty() ? null : revisions)
                        .expectedStatus(expectedStatus.map(VersionStatus::wireName).orElse(null))));
        return outcomes(versions, response.successfulVersions(), response.failedVersions());
    }

    /** Deletes versions of {@code pkg}. The service takes no revisions here, only the expected status. */
    public List<VersionWriteOutcome> delete(String domain, String repository, PackageRef pkg, List<String> versions,
                                            Optional<VersionStatus> expectedStatus) {
        checked(versions, Map.of());
        var response = gateway.call("delete " + versions.size() + " versions of " + pkg.display(),
                () -> gateway.sdk().deletePackageVersions(r -> r.overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES)).domain(domain).domainOwner(gateway.owner(domain))
                        .repository(repository).format(pkg.format().wireName())
                        .namespace(CodeArtifactGateway.emptyToNull(pkg.namespace())).packageValue(pkg.name())
                        .versions(versions)
                        .expectedStatus(expectedStatus.map(VersionStatus::wireName).orElse(null))));
        return outcomes(versions, response.successfulVersions(), response.failedVersions());
    }

    /**
     * A version as DescribePackageVersion tells it now (status, revision, origin); empty when it does not exist in
     * {@code repository}, or its package does not.
     */
    public Optional<VersionInfo> current(String domain, String repository, PackageRef pkg, String version) {
        return gateway.call("describe " + pkg.display() + " " + version, () -> {
            try {
                var v = gateway.sdk().describePackageVersion(r -> r.domain(domain).domainOwner(gateway.owner(domain))
                        .repository(repository).format(pkg.format().wireName())
                        .namespace(CodeArtifactGateway.emptyToNull(pkg.namespace())).packageValue(pkg.name())
                        .packageVersion(version)).packageVersion();
                return Optional.of(new VersionInfo(v.version(), v.statusAsString(),
                        Optional.ofNullable(v.revision()).orElse(""),
                        v.origin() == null ? "UNKNOWN" : v.origin().originTypeAsString(), false));
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** How long a throttled request asks to wait ({@code Retry-After}); empty for other failures or when not said. */
    public static Optional<Duration> retryAfter(GatewayException failure) {
        if (failure.errorCode().filter(THROTTLED::equals).isEmpty()) {
            return Optional.empty();
        }
        if (failure.getCause() instanceof ThrottlingException throttled) {
            if (throttled.retryAfterSeconds() != null) {
                return Optional.of(Duration.ofSeconds(throttled.retryAfterSeconds()));
            }
            return throttled.awsErrorDetails() == null || throttled.awsErrorDetails().sdkHttpResponse() == null
                    ? Optional.empty()
                    : throttled.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")
                            .flatMap(PackageVersionWrites::seconds);
        }
        return Optional.empty();
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> checked(List<String> versions, Map<String, String> revisions) {
        if (versions.isEmpty() || versions.size() > ServiceLimits.VERSIONS_PER_BATCH) {
            throw new IllegalArgumentException("A batch names 1 to " + ServiceLimits.VERSIONS_PER_BATCH
                    + " versions, not " + versions.size());
        }
        if (new HashSet<>(versions).size() != versions.size()) {
            throw new IllegalArgumentException("A batch names each version once");
        }
        if (!revisions.isEmpty() && !revisions.keySet().equals(new HashSet<>(versions))) {
            throw new IllegalArgumentException("Revisions must be given for every version of the batch or none");
        }
        return versions;
    }

    private static List<VersionWriteOutcome> outcomes(List<String> versions,
                                                      Map<String, SuccessfulPackageVersionInfo> successful,
                                                      Map<String, PackageVersionError> failed) {
        List<VersionWriteOutcome> out = new ArrayList<>(versions.size());
        for (String version : versions) {
            PackageVersionError error = failed.get(version);
            SuccessfulPackageVersionInfo ok = successful.get(version);
            if (error != null) {
                out.add(new VersionWriteOutcome.Failed(version,
                        Optional.ofNullable(error.errorCodeAsString()).orElse("UNKNOWN"),
                        Optional.ofNullable(error.errorMessage()).orElse("")));
            } else if (ok != null) {
                out.add(new VersionWriteOutcome.Succeeded(version, Optional.ofNullable(ok.statusAsString()).orElse(""),
                        Optional.ofNullable(ok.revision()).orElse("")));
            } else {
                // Neither map: a copy whose destination already holds the same content (the service treats it as done).
                out.add(new VersionWriteOutcome.Succeeded(version, "", ""));
            }
        }
        return out;
    }
}

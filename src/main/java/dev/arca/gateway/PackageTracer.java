package dev.arca.gateway;

import dev.arca.core.PackageFormat;
import dev.arca.core.graph.PackageTrace;
import dev.arca.core.graph.UpstreamGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupOriginRestrictionType;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;

/**
 * Traces a package through a repository's search order: asks the service what each repository stores of it
 * (DescribePackage, then DescribePackageVersion or ListPackageVersions) and which package group rules apply
 * (GetAssociatedPackageGroup, ListAllowedRepositoriesForGroup), a few calls at a time and backing off when throttled,
 * then predicts with {@link PackageTrace#predict}. Cancelled by interrupting the calling thread.
 */
public final class PackageTracer {

    static final int DEFAULT_CONCURRENCY = 4;
    private static final List<String> UPSTREAM_TYPES = List.of("INTERNAL_UPSTREAM", "EXTERNAL_UPSTREAM");

    private final CodeArtifactGateway gateway;
    private final ThrottlingBackoff backoff;
    private final int concurrency;

    public PackageTracer(CodeArtifactGateway gateway) {
        this(gateway, ThrottlingBackoff.sleeping(), DEFAULT_CONCURRENCY);
    }

    PackageTracer(CodeArtifactGateway gateway, ThrottlingBackoff backoff, int concurrency) {
        this.gateway = Objects.requireNonNull(gateway);
        this.backoff = Objects.requireNonNull(backoff);
        this.concurrency = concurrency;
    }

    /**
     * Traces {@code namespace/name} (and {@code version}, when given) requested from {@code start} of {@code graph}.
     *
     * @param progress told how many repositories have been asked, of how many are known to be on the way so far
     * @throws GatewayException when the service cannot be asked (one sentence)
     * @throws IllegalArgumentException when {@code start} is not a repository of the graph
     */
    public PackageTrace trace(UpstreamGraph graph, String start, PackageFormat format, String namespace, String name,
                              Optional<String> version, BiConsumer<Integer, Integer> progress)
            throws InterruptedException {
        if (!graph.contains(start)) {
            throw new IllegalArgumentException("Repository " + start + " is not in domain " + graph.domain() + ".");
        }
        String domain = graph.domain();
        String owner = graph.domainOwner();
        PackageTrace.GroupRules rules = backoff.call(() -> groupRules(domain, owner, format, namespace, name));
        Map<String, Optional<PackageTrace.Stored>> stored = new HashMap<>();
        while (true) {
            List<String> unknown = PackageTrace.searchOrder(graph, start, stored, rules).stream()
                    .filter(r -> !stored.containsKey(r)).toList();
            if (unknown.isEmpty()) {
                break;
            }
            int known = stored.size();
            List<Optional<PackageTrace.Stored>> answers = BoundedCalls.map(unknown, concurrency, repository ->
                    backoff.call(() -> stored(domain, owner, repository, format, namespace, name, version)),
                    (done, all) -> progress.accept(known + done, known + all));
            for (int i = 0; i < unknown.size(); i++) {
                stored.put(unknown.get(i), answers.get(i));
            }
        }
        return PackageTrace.predict(graph, start, format, namespace, name, version, stored, rules);
    }

    private Optional<PackageTrace.Stored> stored(String domain, String owner, String repository, PackageFormat format,
                                                 String namespace, String name, Optional<String> version) {
        String what = dev.arca.core.PackageInfo.display(format.wireName(), namespace, name);
        return gateway.call("read " + what + " in " + repository, () -> {
            var sdk = gateway.sdk();
            software.amazon.awssdk.services.codeartifact.model.PackageDescription pkg;
            try {
                pkg = sdk.describePackage(r -> r.domain(domain).domainOwner(owner).repository(repository)
                        .format(format.wireName()).namespace(CodeArtifactGateway.emptyToNull(namespace))
                        .packageValue(name)).packageValue();
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
            var restrictions = pkg.originConfiguration().restrictions();
            if (version.isPresent()) {
                Optional<PackageTrace.StoredVersion> stored;
                try {
                    var v = sdk.describePackageVersion(r -> r.domain(domain).domainOwner(owner).repository(repository)
                            .format(format.wireName()).namespace(CodeArtifactGateway.emptyToNull(namespace))
                            .packageValue(name).packageVersion(version.get())).packageVersion();
                    var entry = v.origin() == null ? null : v.origin().domainEntryPoint();
                    stored = Optional.of(new PackageTrace.StoredVersion(v.statusAsString(),
                            v.origin() == null ? "UNKNOWN" : v.origin().originTypeAsString(),
                            Optional.ofNullable(entry).map(e -> e.repositoryName()),
                            Optional.ofNullable(entry).map(e -> e.externalConnectionName())));
                } catch (ResourceNotFoundException e) {
                    stored = Optional.empty();
                }
                return Optional.of(new PackageTrace.Stored(restrictions.publishAsString(),
                        restrictions.upstreamAsString(), stored, 0, Optional.empty()));
            }
            var versions = sdk.listPackageVersions(r -> r.domain(domain).domainOwner(owner).repository(repository)
                    .format(format.wireName()).namespace(CodeArtifactGateway.emptyToNull(namespace))
                    .packageValue(name).maxResults(1000));
            return Optional.of(new PackageTrace.Stored(restrictions.publishAsString(), restrictions.upstreamAsString(),
                    Optional.empty(), versions.versions().size(), Optional.ofNullable(versions.defaultDisplayVersion())));
        });
    }

    private PackageTrace.GroupRules groupRules(String domain, String owner, PackageFormat format, String namespace,
                                               String name) {
        return gateway.call("find the package group of " + dev.arca.core.PackageInfo.display(format.wireName(), namespace, name), () -> {
            var group = gateway.sdk().getAssociatedPackageGroup(r -> r.domain(domain).domainOwner(owner)
                    .format(format.wireName()).namespace(CodeArtifactGateway.emptyToNull(namespace))
                    .packageValue(name)).packageGroup();
            Map<String, String> modes = new HashMap<>();
            Map<String, String> decidedBy = new HashMap<>();
            Map<String, Set<String>> allowed = new HashMap<>();
            if (group.originConfiguration() != null) {
                group.originConfiguration().restrictionsAsStrings().forEach((type, restriction) -> {
                    if (!UPSTREAM_TYPES.contains(type)) {
                        return;
                    }
                    String decisive = restriction.inheritedFrom() != null ? restriction.inheritedFrom().pattern()
                            : group.pattern();
                    modes.put(type, restriction.effectiveModeAsString());
                    decidedBy.put(type, decisive);
                    if ("ALLOW_SPECIFIC_REPOSITORIES".equals(restriction.effectiveModeAsString())) {
                        allowed.put(type, Set.copyOf(gateway.sdk().listAllowedRepositoriesForGroupPaginator(r -> r
                                .domain(domain).domainOwner(owner).packageGroup(decisive)
                                .originRestrictionType(PackageGroupOriginRestrictionType.fromValue(type)))
                                .allowedRepositories().stream().toList()));
                    }
                });
            }
            return new PackageTrace.GroupRules(group.pattern(), modes, decidedBy, allowed);
        });
    }
}

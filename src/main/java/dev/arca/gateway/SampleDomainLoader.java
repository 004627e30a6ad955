package dev.arca.gateway;

import dev.arca.core.DomainInfo;
import dev.arca.core.VersionStatus;
import dev.arca.core.policy.PolicyTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.codeartifact.model.PackageGroupAllowedRepository;
import software.amazon.awssdk.services.codeartifact.model.Tag;
import software.amazon.awssdk.services.codeartifact.model.UpstreamRepository;

/**
 * Loads {@link SampleDomain} into an empty service through the same doors any client uses — the CodeArtifact API
 * and the package protocols — so what the console then shows is true of a real domain. Refuses a service that
 * already has a domain, so it never mixes with anyone's data and never loads twice. Blocking: call it off the UI
 * thread; interrupting the calling thread stops it between calls.
 */
public final class SampleDomainLoader {

    /**
     * Calls at once: on two cores 4 loads as fast as 8 (each publish waits for its fsyncs) and leaves more CPU to
     * the rest.
     */
    static final int CONCURRENCY = 4;

    /** Told how far the load got: {@code done} of {@code total} steps, with what is being done. */
    @FunctionalInterface
    public interface Listener {
        void update(int done, int total, String message);
    }

    /** What was loaded, and how long it took. */
    public record Summary(String domain, int repositories, int versions, int packageGroups, Duration elapsed) {
        /** One sentence for the user. */
        public String describe() {
            return "Loaded domain " + domain + ": " + repositories + " repositories, " + versions
                    + " package versions and " + packageGroups + " package groups in "
                    + String.format(java.util.Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0) + " s.";
        }
    }

    /** The service is not empty: the sample was not loaded and nothing was changed. */
    public static final class Refused extends RuntimeException {
        Refused(String sentence) {
            super(sentence);
        }
    }

    private final CodeArtifactGateway gateway;
    private final PackageVersionWrites writes;

    public SampleDomainLoader(CodeArtifactGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway);
        this.writes = new PackageVersionWrites(gateway);
    }

    /**
     * Creates the sample domain and everything in it.
     *
     * @throws Refused when the service already has a domain (nothing is changed then)
     * @throws GatewayException when a call fails midway (what was created so far stays)
     */
    public Summary load(Listener listener) throws InterruptedException {
        long started = System.nanoTime();
        refuseUnlessEmpty();
        String domain = SampleDomain.NAME;
        List<SampleDomain.Repository> repositories = SampleDomain.repositories();
        List<SampleDomain.Package> packages = SampleDomain.packages();
        List<Upload> uploads = new ArrayList<>();
        packages.forEach(p -> p.versions().forEach(v -> uploads.add(new Upload(p, v))));
        packages.forEach(p -> p.unfinished().forEach(v -> uploads.add(new Upload(p, v))));
        List<SampleDomain.Group> groups = SampleDomain.groups();
        int total = 1 + repositories.size() + uploads.size() + packages.size() + groups.size() + 1;
        AtomicInteger done = new AtomicInteger();
        Listener step = (ignored, t, message) -> listener.update(done.incrementAndGet(), total, message);

        DomainInfo created = createDomain(domain);
        step.update(0, total, "Created domain " + domain);
        // Each tier at once, after the tier it reads from.
        for (List<SampleDomain.Repository> tier : tiers(repositories)) {
            BoundedCalls.map(tier, CONCURRENCY, repository -> {
                createRepository(domain, repository);
                step.update(0, total, "Created repository " + repository.name());
                return repository;
            }, (d, t) -> { });
        }
        SampleUploads uploader = new SampleUploads(gateway, domain);
        BoundedCalls.map(uploads, CONCURRENCY, upload -> {
            uploader.publish(upload.pkg(), upload.version());
            step.update(0, total, "Published " + upload.pkg().ref().display() + " " + upload.version());
            return upload;
        }, (d, t) -> { });
        BoundedCalls.map(packages, CONCURRENCY, pkg -> {
            settle(domain, uploader, pkg);
            step.update(0, total, "Promoted and aged " + pkg.ref().display());
            return pkg;
        }, (d, t) -> { });
        BoundedCalls.map(groups, CONCURRENCY, group -> {
            createGroup(domain, group);
            step.update(0, total, "Created package group " + group.pattern());
            return group;
        }, (d, t) -> { });
        ResourcePolicyGateway policies = new ResourcePolicyGateway(gateway);
        policies.write(PolicyTarget.domain(domain), SampleDomain.domainPolicy(created.owner()), Optional.empty());
        policies.write(PolicyTarget.repository(domain, SampleDomain.SHARED),
                SampleDomain.sharedPolicy(created.owner()), Optional.empty());
        step.update(0, total, "Set the domain and repository policies");
        int versions = uploads.size() + packages.stream().mapToInt(p -> p.promoted().size()).sum();
        return new Summary(domain, repositories.size(), versions, groups.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void refuseUnlessEmpty() {
        List<DomainInfo> domains = gateway.listDomains();
        if (domains.stream().anyMatch(d -> d.name().equals(SampleDomain.NAME))) {
            throw new Refused("The sample domain is loaded already (domain " + SampleDomain.NAME
                    + " exists), so nothing was changed.");
        }
        if (!domains.isEmpty()) {
            throw new Refused("The sample domain loads only into a server without domains, and this one has "
                    + domains.size() + (domains.size() == 1 ? " domain" : " domains") + " (" + String.join(", ",
                    domains.stream().map(DomainInfo::name).limit(3).toList()) + (domains.size() > 3 ? ", …" : "")
                    + "), so nothing was changed.");
        }
    }

    private DomainInfo createDomain(String domain) {
        gateway.call("create domain " + domain, () -> gateway.sdk().createDomain(r -> r.domain(domain)
                .tags(tags(SampleDomain.domainTags()))));
        return gateway.listDomains().stream().filter(d -> d.name().equals(domain)).findFirst()
                .orElseThrow(() -> new GatewayException("Domain " + domain + " was created but is not listed.",
                        Optional.empty(), null));
    }

    /** Repositories grouped by depth: those without upstreams first, then those reading only from earlier tiers. */
    private static List<List<SampleDomain.Repository>> tiers(List<SampleDomain.Repository> repositories) {
        List<List<SampleDomain.Repository>> tiers = new ArrayList<>();
        java.util.Set<String> created = new java.util.HashSet<>();
        List<SampleDomain.Repository> left = new ArrayList<>(repositories);
        while (!left.isEmpty()) {
            List<SampleDomain.Repository> tier = left.stream().filter(r -> created.containsAll(r.upstreams())).toList();
            if (tier.isEmpty()) {
                throw new IllegalStateException("the sample's upstreams form a cycle");
            }
            tiers.add(tier);
            left.removeAll(tier);
            tier.forEach(r -> created.add(r.name()));
        }
        return tiers;
    }

    private void createRepository(String domain, SampleDomain.Repository repository) {
        gateway.call("create repository " + repository.name(), () -> gateway.sdk().createRepository(r -> r
                .domain(domain).domainOwner(gateway.owner(domain)).repository(repository.name())
                .description(repository.description()).tags(tags(repository.tags()))
                .upstreams(repository.upstreams().stream().map(u -> UpstreamRepository.builder().repositoryName(u)
                        .build()).toList())));
        repository.externalConnection().ifPresent(connection -> gateway.call("connect " + repository.name()
                + " to " + connection, () -> gateway.sdk().associateExternalConnection(r -> r.domain(domain)
                .domainOwner(gateway.owner(domain)).repository(repository.name()).externalConnection(connection))));
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** After its versions are in: Maven's metadata, the promotion into shared, then the statuses. */
    private void settle(String domain, SampleUploads uploader, SampleDomain.Package pkg) throws InterruptedException {
        uploader.finish(pkg);
        if (!pkg.promoted().isEmpty()) {
            writes.copy(domain, pkg.repository(), SampleDomain.SHARED, pkg.ref(), pkg.promoted(), Map.of(), false,
                    false);
        }
        for (VersionStatus status : List.of(VersionStatus.ARCHIVED, VersionStatus.UNLISTED, VersionStatus.DISPOSED)) {
            List<String> versions = pkg.versions().stream().filter(v -> pkg.statusOf(v) == status).toList();
            if (versions.isEmpty()) {
                continue;
            }
            if (status == VersionStatus.DISPOSED) {
                writes.dispose(domain, pkg.repository(), pkg.ref(), versions, Map.of(), Optional.empty());
            } else {
                writes.updateStatus(domain, pkg.repository(), pkg.ref(), versions, Map.of(), Optional.empty(), status);
            }
        }
    }

    private void createGroup(String domain, SampleDomain.Group group) {
        gateway.call("create package group " + group.pattern(), () -> gateway.sdk().createPackageGroup(r -> r
                .domain(domain).domainOwner(gateway.owner(domain)).packageGroup(group.pattern())
                .description(group.description()).contactInfo(group.contact())));
        if (group.restrictions().isEmpty()) {
            return;
        }
        List<PackageGroupAllowedRepository> allowed = new ArrayList<>();
        group.allowed().forEach((type, names) -> names.forEach(name -> allowed.add(PackageGroupAllowedRepository
                .builder().repositoryName(name).originRestrictionType(type).build())));
        gateway.call("restrict the origins of " + group.pattern(), () -> gateway.sdk()
                .updatePackageGroupOriginConfiguration(r -> r.domain(domain).domainOwner(gateway.owner(domain))
                        .packageGroup(group.pattern()).restrictionsWithStrings(group.restrictions())
                        .addAllowedRepositories(allowed)));
    }

    private record Upload(SampleDomain.Package pkg, String version) {
    }
}

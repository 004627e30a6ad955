package dev.arca.gateway;

import dev.arca.core.AssetInfo;
import dev.arca.core.DependencyInfo;
import dev.arca.core.DomainInfo;
import dev.arca.core.KeyChoice;
import dev.arca.core.PackageFilter;
import dev.arca.core.PackageFormat;
import dev.arca.core.PackageGroupInfo;
import dev.arca.core.PackageInfo;
import dev.arca.core.Page;
import dev.arca.core.RepositoryInfo;
import dev.arca.core.ResourceNames;
import dev.arca.core.VersionDetails;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.codeartifact.model.DomainDescription;
import software.amazon.awssdk.services.codeartifact.model.DomainSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.RepositoryDescription;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.Tag;
import software.amazon.awssdk.services.codeartifact.model.UpstreamRepository;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The GUI's door to one CodeArtifact service (AWS or an Arca server): SDK calls in, core records and plain
 * sentences out. Every list goes through the SDK's paginators. Blocking: call it off the UI thread.
 */
public final class CodeArtifactGateway implements AutoCloseable {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(CodeArtifactGateway.class);

    /** The SDK clients of one connection: all share its endpoint (when overridden), credentials and HTTP pool. */
    record Clients(CodeartifactClient codeartifact, KmsClient kms, IamClient iam, AccessAnalyzerClient analyzer) {
        Clients {
            Objects.requireNonNull(codeartifact);
            Objects.requireNonNull(kms);
            Objects.requireNonNull(iam);
            Objects.requireNonNull(analyzer);
        }
    }

    private final ConnectionProfile profile;
    private final Clients clients;
    private final CodeartifactClient codeartifact;
    private final KmsClient kms;
    private final AwsCredentialsProvider credentials;
    private final ActivityFeed activity;
    /** Domain name → owning account, for domains listed or opened by owner; absent means the caller's account. */
    private final Map<String, String> owners = new java.util.concurrent.ConcurrentHashMap<>();

    CodeArtifactGateway(ConnectionProfile profile, Clients clients, AwsCredentialsProvider credentials,
                        ActivityFeed activity) {
        this.profile = Objects.requireNonNull(profile);
        this.clients = Objects.requireNonNull(clients);
        this.codeartifact = clients.codeartifact();
        this.kms = clients.kms();
        this.credentials = Objects.requireNonNull(credentials);
        this.activity = Objects.requireNonNull(activity);
    }

    /** The SDK client, for the gateway's feature classes (graph, trace) that call it through {@link #call}. */
    CodeartifactClient sdk() {
        return codeartifact;
    }

    /** The connection's IAM client (users, roles, policies, simulation), for feature classes; through {@link #call}. */
    IamClient iam() {
        return clients.iam();
    }

    /** The connection's Access Analyzer client (ValidatePolicy), for feature classes; through {@link #call}. */
    AccessAnalyzerClient accessAnalyzer() {
        return clients.analyzer();
    }

    /** The server's events and audit log (Arca servers only). */
    public ActivityFeed activity() {
        return activity;
    }

    public ConnectionProfile profile() {
        return profile;
    }

    /**
     * The cheapest call that proves the endpoint and the credentials work (ListDomains for one domain).
     *
     * @return the account the credentials belong to, when they say or a domain shows it
     */
    public Optional<String> checkAccess() {
        return call("list the domains", () -> {
            Optional<String> firstOwner = codeartifact.listDomains(r -> r.maxResults(1)).domains().stream()
                    .findFirst().map(DomainSummary::owner);
            return credentials.resolveCredentials().accountId().or(() -> firstOwner);
        });
    }

    /** Every domain of the account, with repository counts and sizes (one DescribeDomain each). */
    public List<DomainInfo> listDomains() {
        return call("list the domains", () -> {
            List<DomainInfo> out = new ArrayList<>();
            for (DomainSummary summary : codeartifact.listDomainsPaginator(r -> { }).domains()) {
                owners.put(summary.name(), summary.owner());
                out.add(info(codeartifact.describeDomain(r -> r.domain(summary.name()).domainOwner(summary.owner()))
                        .domain()));
            }
            return out;
        });
    }

    /**
     * Opens a domain owned by another account (cross-account access through the domain's policy); later calls
     * for {@code name} name {@code owner} as its domain owner.
     */
    public DomainInfo describeDomain(String name, String owner) {
        DomainInfo info = call("open domain " + name + " of account " + owner, () -> info(codeartifact
                .describeDomain(r -> r.domain(name).domainOwner(owner)).domain()));
        owners.put(name, owner);
        return info;
    }

    /** Names {@code owner} as the owner of {@code domain} in later calls: a domain of another account opened before. */
    public void useOwner(String domain, String owner) {
        owners.put(Objects.requireNonNull(domain), Objects.requireNonNull(owner));
    }

    /** Creates a domain, encrypted with {@code keyArn} or the AWS-managed key. */
    public DomainInfo createDomain(String name, Optional<String> keyArn) {
        return call("create domain " + name, () -> info(codeartifact.createDomain(r -> r.domain(name)
                .encryptionKey(keyArn.orElse(null))).domain()));
    }

    public void deleteDomain(String name) {
        run("delete domain " + name, () -> codeartifact.deleteDomain(r -> r.domain(name)));
    }

    /** The account's keys with their aliases, customer-managed first. */
    public List<KeyChoice> listKeys() {
        return call("list the encryption keys", () -> {
            Map<String, String> aliases = new HashMap<>();
            for (AliasListEntry alias : kms.listAliasesPaginator(r -> { }).aliases()) {
                if (alias.targetKeyId() != null) {
                    aliases.putIfAbsent(alias.targetKeyId(), alias.aliasName());
                }
            }
            List<KeyChoice> out = new ArrayList<>();
            for (KeyListEntry key : kms.listKeysPaginator(r -> { }).keys()) {
                KeyMetadata metadata = kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata();
                out.add(new KeyChoice(key.keyArn(), Optional.ofNullable(aliases.get(key.keyId())),
                        Optional.ofNullable(metadata.description()).orElse(""),
                        "AWS".equals(metadata.keyManagerAsString())));
            }
            out.sort((a, b) -> Boolean.compare(a.awsManaged(), b.awsManaged()) != 0
                    ? Boolean.compare(a.awsManaged(), b.awsManaged()) : a.label().compareTo(b.label()));
            return out;
        });
    }

    /** The repositories of a domain, in name order (summaries: no upstreams). */
    public List<RepositoryInfo> listRepositories(String domain) {
        return call("list the repositories of " + domain, () -> codeartifact
                .listRepositoriesInDomainPaginator(r -> r.domain(domain).domainOwner(owner(domain)))
                .repositories().stream()
                .map(s -> new RepositoryInfo(s.name(), s.domainName(), s.domainOwner(), s.administratorAccount(),
                        s.arn(), Optional.ofNullable(s.description()), s.createdTime(), List.of(), Optional.empty()))
                .toList());
    }

    /** A repository with its upstreams in priority order and its external connection. */
    public RepositoryInfo describeRepository(String domain, String repository) {
        return call("describe repository " + repository, () -> repositoryInfo(codeartifact.describeRepository(r -> r
                .domain(domain).domainOwner(owner(domain)).repository(repository)).repository()));
    }

    public RepositoryInfo createRepository(String domain, String repository, Optional<String> description,
                                           List<String> upstreams) {
        return call("create repository " + repository, () -> repositoryInfo(codeartifact.createRepository(r -> r
                .domain(domain).domainOwner(owner(domain)).repository(repository)
                .description(description.orElse(null))
                .upstreams(upstreams.stream().map(u -> UpstreamRepository.builder().repositoryName(u).build())
                        .toList()))
                .repository()));
    }

    public void deleteRepository(String domain, String repository) {
        run("delete repository " + repository, () -> codeartifact.deleteRepository(r -> r
                .domain(domain).domainOwner(owner(domain)).repository(repository)));
    }

    /**
     * Changes a repository's description and upstreams (priority order) and its external connection: the old one
     * is removed and the new one added only when they differ.
     */
    public RepositoryInfo updateRepository(String domain, String repository, Optional<String> description,
                                           List<String> upstreams, Optional<String> externalConnection) {
        return call("update repository " + repository, () -> {
            RepositoryInfo before = repositoryInfo(codeartifact.describeRepository(r -> r.domain(domain)
                    .domainOwner(owner(domain)).repository(repository)).repository());
            if (before.externalConnection().isPresent() && !before.externalConnection().equals(externalConnection)) {
                codeartifact.disassociateExternalConnection(r -> r.domain(domain).domainOwner(owner(domain))
                        .repository(repository).externalConnection(before.externalConnection().get()));
            }
            RepositoryInfo updated = repositoryInfo(codeartifact.updateRepository(r -> r.domain(domain)
                    .domainOwner(owner(domain)).repository(repository).description(description.orElse(""))
                    .upstreams(upstreams.stream().map(u -> UpstreamRepository.builder().repositoryName(u).build())
                            .toList())).repository());
            if (externalConnection.isPresent() && !externalConnection.equals(before.externalConnection())) {
                updated = repositoryInfo(codeartifact.associateExternalConnection(r -> r.domain(domain)
                        .domainOwner(owner(domain)).repository(repository)
                        .externalConnection(externalConnection.get())).repository());
            }
            return updated;
        });
    }

    /** Creates a repository whose only source is a public repository (the console's "public upstream"). */
    public RepositoryInfo createStoreRepository(String domain, String repository, String externalConnection) {
        return call("create repository " + repository, () -> {
            codeartifact.createRepository(r -> r.domain(domain).domainOwner(owner(domain)).repository(repository)
                    .description("Packages from " + externalConnection));
            return repositoryInfo(codeartifact.associateExternalConnection(r -> r.domain(domain)
                    .domainOwner(owner(domain)).repository(repository).externalConnection(externalConnection))
                    .repository());
        });
    }

    /** The tags of a domain or repository, by its ARN, in key order. */
    public Map<String, String> listTags(String arn) {
        return call("read the tags", () -> {
            Map<String, String> tags = new java.util.TreeMap<>();
            codeartifact.listTagsForResource(r -> r.resourceArn(arn)).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        });
    }

    /**
     * Makes a resource's tags {@code wanted}: removes the keys not in it, then sets the rest. AWS-reserved tags
     * ({@code aws:…}) cannot be changed by anyone and are left as they are.
     */
    public void replaceTags(String arn, Map<String, String> wanted) {
        run("save the tags", () -> {
            List<String> removed = codeartifact.listTagsForResource(r -> r.resourceArn(arn)).tags().stream()
                    .map(t -> t.key()).filter(k -> !wanted.containsKey(k) && !ResourceNames.isReservedTagKey(k)).toList();
            if (!removed.isEmpty()) {
                codeartifact.untagResource(r -> r.resourceArn(arn).tagKeys(removed));
            }
            if (!wanted.isEmpty()) {
                codeartifact.tagResource(r -> r.resourceArn(arn).tags(wanted.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
            }
        });
    }

    /** A domain's resource policy, pretty-printed; empty when it has none. */
    public Optional<String> domainPolicy(String domain) {
        return call("read the policy of domain " + domain, () -> {
            try {
                return Optional.of(prettyJson(codeartifact.getDomainPermissionsPolicy(r -> r.domain(domain)
                        .domainOwner(owner(domain))).policy().document()));
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private static String prettyJson(String document) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return document; // shown as the service stored it
        }
    }

    /** The URL a package client uses for {@code format} in a repository. */
    public String repositoryEndpoint(String domain, String repository, PackageFormat format) {
        return call("get the " + format.wireName() + " endpoint of " + repository, () -> codeartifact
                .getRepositoryEndpoint(r -> r.domain(domain).domainOwner(owner(domain)).repository(repository)
                        .format(format.wireName()))
                .repositoryEndpoint());
    }

    /** An authorization token for a domain and when it expires. */
    public AuthorizationToken authorizationToken(String domain) {
        return call("get an authorization token for " + domain, () -> {
            var response = codeartifact.getAuthorizationToken(r -> r.domain(domain)
                    .domainOwner(owner(domain)));
            return new AuthorizationToken(response.authorizationToken(), response.expiration());
        });
    }

    // Packages, versions and assets

    /** One page of a repository's packages that pass {@code filter}, in (format, namespace, name) order. */
    public Page<PackageInfo> listPackages(String domain, String repository, PackageFilter filter,
                                          Optional<String> nextToken, int pageSize) {
        return call("list the packages of " + repository, () -> {
            var response = codeartifact.listPackages(r -> r.domain(domain).domainOwner(owner(domain))
                    .repository(repository).format(filter.format().map(PackageFormat::wireName).orElse(null))
                    .namespace(emptyToNull(filter.namespace())).packagePrefix(emptyToNull(filter.namePrefix()))
                    .publish(filter.publish().orElse(null)).upstream(filter.upstream().orElse(null))
                    .maxResults(pageSize).nextToken(nextToken.orElse(null)));
            return new Page<>(response.packages().stream().map(CodeArtifactGateway::packageInfo).toList(),
                    Optional.ofNullable(response.nextToken()));
        });
    }

    /** Sets a package's two origin controls together and returns the package as the service now has it. */
    public PackageInfo setOriginControls(String domain, String repository, PackageInfo pkg, String publish,
                                         String upstream) {
        return call("set the origin controls of " + pkg.display(), () -> {
            var restrictions = codeartifact.putPackageOriginConfiguration(r -> r.domain(domain)
                    .domainOwner(owner(domain)).repository(repository).format(pkg.format())
                    .namespace(emptyToNull(pkg.namespace())).packageValue(pkg.name())
                    .restrictions(o -> o.publish(publish).upstream(upstream)))
                    .originConfiguration().restrictions();
            return new PackageInfo(pkg.format(), pkg.namespace(), pkg.name(), restrictions.publishAsString(),
                    restrictions.upstreamAsString());
        });
    }

    /** The package group of the domain that a package belongs to (the root group {@code /*} at least). */
    public PackageGroupInfo associatedPackageGroup(String domain, PackageInfo pkg) {
        return call("find the package group of " + pkg.display(), () -> {
            var group = codeartifact.getAssociatedPackageGroup(r -> r.domain(domain).domainOwner(owner(domain))
                    .format(pkg.format()).namespace(emptyToNull(pkg.namespace())).packageValue(pkg.name()))
                    .packageGroup();
            Map<String, String> origin = new LinkedHashMap<>();
            if (group.originConfiguration() != null) {
                group.originConfiguration().restrictionsAsStrings().forEach((type, restriction) ->
                        origin.put(type, restriction.effectiveModeAsString()));
            }
            return new PackageGroupInfo(group.pattern(), Optional.ofNullable(group.description()).orElse(""),
                    Optional.ofNullable(group.contactInfo()).orElse(""), origin);
        });
    }

    /**
     * One page of a package's versions, newest published first, optionally only those with {@code status};
     * the package's default display version is marked.
     */
    public Page<VersionInfo> listVersions(String domain, String repository, PackageInfo pkg,
                                          Optional<VersionStatus> status, Optional<String> nextToken, int pageSize) {
        return call("list the versions of " + pkg.display(), () -> {
            var response = codeartifact.listPackageVersions(r -> r.domain(domain).domainOwner(owner(domain))
                    .repository(repository).format(pkg.format()).namespace(emptyToNull(pkg.namespace()))
                    .packageValue(pkg.name()).status(status.map(VersionStatus::wireName).orElse(null))
                    .sortBy("PUBLISHED_TIME").maxResults(pageSize).nextToken(nextToken.orElse(null)));
            String defaultVersion = response.defaultDisplayVersion();
            return new Page<>(response.versions().stream()
                    .map(v -> new VersionInfo(v.version(), v.statusAsString(),
                            Optional.ofNullable(v.revision()).orElse(""),
                            v.origin() == null ? "UNKNOWN" : v.origin().originTypeAsString(),
                            v.version().equals(defaultVersion)))
                    .toList(), Optional.ofNullable(response.nextToken()));
        });
    }

    /** A version's metadata, status, revision and origin. */
    public VersionDetails describeVersion(String domain, String repository, PackageInfo pkg, String version) {
        return call("describe " + pkg.display() + " " + version, () -> {
            var v = codeartifact.describePackageVersion(r -> r.domain(domain).domainOwner(owner(domain))
                    .repository(repository).format(pkg.format()).namespace(emptyToNull(pkg.namespace()))
                    .packageValue(pkg.name()).packageVersion(version)).packageVersion();
            var entryPoint = v.origin() == null ? null : v.origin().domainEntryPoint();
            return new VersionDetails(Optional.ofNullable(v.displayName()).orElse(pkg.name()), v.version(),
                    Optional.ofNullable(v.summary()), Optional.ofNullable(v.homePage()),
                    Optional.ofNullable(v.sourceCodeRepository()), Optional.ofNullable(v.publishedTime()),
                    v.licenses().stream().map(l -> new VersionDetails.License(
                            Optional.ofNullable(l.name()).orElse(""), Optional.ofNullable(l.url()).orElse("")))
                            .toList(),
                    Optional.ofNullable(v.revision()).orElse(""), v.statusAsString(),
                    v.origin() == null ? "UNKNOWN" : v.origin().originTypeAsString(),
                    Optional.ofNullable(entryPoint).map(e -> e.repositoryName()),
                    Optional.ofNullable(entryPoint).map(e -> e.externalConnectionName()));
        });
    }

    /** Every file of a version with its size and hashes. */
    public List<AssetInfo> listAssets(String domain, String repository, PackageInfo pkg, String version) {
        return call("list the assets of " + pkg.display() + " " + version, () -> codeartifact
                .listPackageVersionAssetsPaginator(r -> r.domain(domain).domainOwner(owner(domain))
                        .repository(repository).format(pkg.format()).namespace(emptyToNull(pkg.namespace()))
                        .packageValue(pkg.name()).packageVersion(version)).assets().stream()
                .map(a -> new AssetInfo(a.name(), a.size(), a.hashesAsStrings())).toList());
    }

    /** One page of the packages a version depends on, as its format declared them. */
    public Page<DependencyInfo> listDependencies(String domain, String repository, PackageInfo pkg, String version,
                                                 Optional<String> nextToken) {
        return call("list the dependencies of " + pkg.display() + " " + version, () -> {
            var response = codeartifact.listPackageVersionDependencies(r -> r.domain(domain)
                    .domainOwner(owner(domain)).repository(repository).format(pkg.format())
                    .namespace(emptyToNull(pkg.namespace())).packageValue(pkg.name()).packageVersion(version)
                    .nextToken(nextToken.orElse(null)));
            return new Page<>(response.dependencies().stream().map(d -> new DependencyInfo(
                    Optional.ofNullable(d.namespace()).orElse(""), d.packageValue(),
                    Optional.ofNullable(d.dependencyType()).orElse(""),
                    Optional.ofNullable(d.versionRequirement()).orElse(""))).toList(),
                    Optional.ofNullable(response.nextToken()));
        });
    }

    /** A version's readme as text, when its format carries one. */
    public Optional<String> readme(String domain, String repository, PackageInfo pkg, String version) {
        return call("read the readme of " + pkg.display() + " " + version, () -> Optional.ofNullable(codeartifact
                .getPackageVersionReadme(r -> r.domain(domain).domainOwner(owner(domain)).repository(repository)
                        .format(pkg.format()).namespace(emptyToNull(pkg.namespace())).packageValue(pkg.name())
                        .packageVersion(version))
                .readme()).filter(text -> !text.isBlank()));
    }

    /**
     * Streams an asset to {@code target}, reporting the bytes written, and checks its SHA-256 against the listed
     * hash. The bytes go to a {@code .part} file beside the target, moved into place only once they check out: a
     * mismatch, a failure or {@code cancelled} turning true (checked between chunks, then a
     * {@link CancellationException}) leaves nothing behind and the target untouched.
     */
    public void downloadAsset(String domain, String repository, PackageInfo pkg, String version, AssetInfo asset,
                              Path target, LongConsumer progress, BooleanSupplier cancelled) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            run("download " + asset.name(), () -> {
                try (var in = codeartifact.getPackageVersionAsset(r -> r.domain(domain).domainOwner(owner(domain))
                        .repository(repository).format(pkg.format()).namespace(emptyToNull(pkg.namespace()))
                        .packageValue(pkg.name()).packageVersion(version).asset(asset.name()));
                     var out = Files.newOutputStream(partial)) {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[64 * 1024];
                    long written = 0;
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("download of " + asset.name() + " cancelled");
                        }
                        out.write(buffer, 0, n);
                        sha.update(buffer, 0, n);
                        written += n;
                        progress.accept(written);
                    }
                    out.close();
                    if (!HexFormat.of().formatHex(sha.digest()).equals(asset.hashes().get("SHA-256"))) {
                        throw new GatewayException("The downloaded " + asset.name() + " does not match its SHA-256;"
                                + " nothing was kept.", Optional.empty(), null);
                    }
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException | NoSuchAlgorithmException e) {
                    throw new GatewayException("Could not download " + asset.name() + " to " + target + ": "
                            + e.getMessage(), Optional.empty(), e);
                }
            });
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.warn("Could not remove the partial download {}", partial, e);
            }
        }
    }

    static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** A token package clients present, and its expiry. */
    public record AuthorizationToken(String token, java.time.Instant expiration) {
    }

    private static RepositoryInfo repositoryInfo(RepositoryDescription d) {
        return new RepositoryInfo(d.name(), d.domainName(), d.domainOwner(), d.administratorAccount(), d.arn(),
                Optional.ofNullable(d.description()), d.createdTime(),
                d.upstreams().stream().map(u -> u.repositoryName()).toList(),
                d.externalConnections().stream().map(e -> e.externalConnectionName()).findFirst());
    }

    private static PackageInfo packageInfo(PackageSummary s) {
        return new PackageInfo(s.formatAsString(), Optional.ofNullable(s.namespace()).orElse(""), s.packageValue(),
                s.originConfiguration().restrictions().publishAsString(),
                s.originConfiguration().restrictions().upstreamAsString());
    }

    private static DomainInfo info(DomainDescription d) {
        return new DomainInfo(d.name(), d.owner(), d.arn(), d.statusAsString(), d.createdTime(),
                Optional.ofNullable(d.encryptionKey()).orElse(""),
                Optional.ofNullable(d.repositoryCount()).orElse(-1),
                Optional.ofNullable(d.assetSizeBytes()).orElse(-1L));
    }

    /** The owner to name for {@code domain}, or null for the caller's own account. */
    String owner(String domain) {
        return owners.get(domain);
    }

    /** Runs an SDK call and turns any failure into one plain sentence. */
    <T> T call(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (CodeartifactException e) {
            throw new GatewayException(sentence(e.awsErrorDetails().errorMessage(), "Could not " + action),
                    Optional.ofNullable(e.awsErrorDetails().errorCode()), e);
        } catch (software.amazon.awssdk.services.kms.model.KmsException
                 | software.amazon.awssdk.services.iam.model.IamException
                 | software.amazon.awssdk.services.accessanalyzer.model.AccessAnalyzerException e) {
            throw new GatewayException(sentence(e.awsErrorDetails().errorMessage(), "Could not " + action),
                    Optional.ofNullable(e.awsErrorDetails().errorCode()), e);
        } catch (SdkClientException e) {
            throw new GatewayException(unreachable(e) ? "Could not " + action + ": " + profile.name() + " at "
                    + profile.address() + " cannot be reached."
                    : "Could not " + action + ": " + sentence(e.getMessage(), "the SDK gave no reason"),
                    Optional.empty(), e);
        } catch (AwsServiceException e) {
            // Another service than those above: STS or IAM Identity Center, while obtaining credentials.
            throw new GatewayException("Could not " + action + ": the credentials of " + profile.name()
                    + " could not be obtained from " + e.awsErrorDetails().serviceName() + ". "
                    + sentence(e.awsErrorDetails().errorMessage(), "It answered with HTTP " + e.statusCode()),
                    Optional.ofNullable(e.awsErrorDetails().errorCode()), e);
        } catch (SdkException e) {
            throw new GatewayException("Could not " + action + ".", Optional.empty(), e);
        }
    }

    /** Whether the failure is the network's: nothing listening, no route, no answer. */
    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private void run(String action, Runnable work) {
        call(action, () -> {
            work.run();
            return null;
        });
    }

    private static String sentence(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback + ".";
        }
        return message.endsWith(".") ? message : message + ".";
    }

    /** Closes the clients and the credentials provider (which may hold an STS or SSO client of its own). */
    @Override
    public void close() {
        codeartifact.close();
        kms.close();
        clients.iam().close();
        clients.analyzer().close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}

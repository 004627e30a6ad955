package dev.arca.gateway;

import dev.arca.core.ExternalConnections;
import dev.arca.core.PackageFormat;
import dev.arca.core.VersionStatus;
import dev.arca.core.retention.PackageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sample domain {@code demo} holds, as data: three team repositories reading from {@code shared}, which
 * reads from one store repository per public registry; a few hundred versions of the teams' npm, PyPI, Maven and
 * generic packages in every status; releases promoted into {@code shared}; package groups guarding the teams'
 * namespaces; a domain and a repository policy; tags. {@link SampleDomainLoader} creates it through the API.
 */
public final class SampleDomain {

    public static final String NAME = "demo";
    public static final String SHARED = "shared";
    public static final String TEAM_WEB = "team-web";
    public static final String TEAM_PAYMENTS = "team-payments";
    public static final String TEAM_DATA = "team-data";
    /** How many of each team package's newest versions are promoted (copied) into {@link #SHARED}. */
    public static final int PROMOTED_PER_PACKAGE = 2;

    /** A repository, created after its upstreams. */
    public record Repository(String name, String description, List<String> upstreams,
                             Optional<String> externalConnection, Map<String, String> tags) {
        public Repository {
            Objects.requireNonNull(name);
            Objects.requireNonNull(description);
            upstreams = List.copyOf(upstreams);
            Objects.requireNonNull(externalConnection);
            tags = Map.copyOf(tags);
        }
    }

    /**
     * A package published into {@code repository}, versions oldest first.
     *
     * @param unfinished versions whose files are uploaded but never listed in the metadata (Maven only)
     */
    public record Package(PackageRef ref, String repository, String summary, List<String> versions,
                          List<String> unfinished) {
        public Package {
            Objects.requireNonNull(ref);
            Objects.requireNonNull(repository);
            Objects.requireNonNull(summary);
            versions = List.copyOf(versions);
            unfinished = List.copyOf(unfinished);
        }

        /** The status the sample leaves a published version in. */
        public VersionStatus statusOf(String version) {
            return SampleDomain.statusOf(ref.name().hashCode() & 0x7fffffff, versions.indexOf(version),
                    versions.size());
        }

        /** The newest versions, copied into {@link #SHARED} when the package is a team's. */
        public List<String> promoted() {
            return repository.equals(SHARED) ? List.of()
                    : versions.subList(versions.size() - PROMOTED_PER_PACKAGE, versions.size());
        }
    }

    /**
     * A package group with its origin restrictions ({@code PUBLISH}, {@code EXTERNAL_UPSTREAM},
     * {@code INTERNAL_UPSTREAM} to a mode) and, for {@code ALLOW_SPECIFIC_REPOSITORIES}, the repositories allowed.
     */
    public record Group(String pattern, String description, String contact, Map<String, String> restrictions,
                        Map<String, List<String>> allowed) {
        public Group {
            Objects.requireNonNull(pattern);
            restrictions = Map.copyOf(restrictions);
            allowed = Map.copyOf(allowed);
        }
    }

    private SampleDomain() {
    }

    public static Map<String, String> domainTags() {
        return Map.of("environment", "demo", "owner", "platform-team", "cost-center", "cc-1042");
    }

    /** Stores first, then {@code shared}, then the teams: each after its upstreams. */
    public static List<Repository> repositories() {
        List<Repository> out = new ArrayList<>();
        List<String> stores = new ArrayList<>();
        for (String connection : List.of("public:npmjs", "public:pypi", "public:maven-central")) {
            String name = ExternalConnections.storeRepositoryName(connection);
            stores.add(name);
            out.add(new Repository(name, "Packages from " + connection + ", fetched once and kept",
                    List.of(), Optional.of(connection), Map.of("tier", "store")));
        }
        out.add(new Repository(SHARED, "Releases promoted from the teams, and everything the teams take from the"
                + " public registries", stores, Optional.empty(), Map.of("tier", "shared")));
        out.add(new Repository(TEAM_WEB, "The web team's npm packages", List.of(SHARED), Optional.empty(),
                Map.of("tier", "team", "team", "web")));
        out.add(new Repository(TEAM_PAYMENTS, "The payments team's Maven libraries", List.of(SHARED),
                Optional.empty(), Map.of("tier", "team", "team", "payments")));
        out.add(new Repository(TEAM_DATA, "The data team's Python packages", List.of(SHARED), Optional.empty(),
                Map.of("tier", "team", "team", "data")));
        return out;
    }

    public static List<Package> packages() {
        List<Package> out = new ArrayList<>();
        for (String name : List.of("ui-kit", "design-tokens", "api-client", "eslint-config", "feature-flags",
                "date-utils")) {
            out.add(new Package(new PackageRef(PackageFormat.NPM, "demo", name), TEAM_WEB,
                    "The web team's " + name.replace('-', ' '), versions(10), List.of()));
        }
        for (String name : List.of("demo-etl", "demo-features", "demo-warehouse-client", "demo-ml-metrics",
                "demo-dq-checks", "demo-notebook-kit")) {
            out.add(new Package(new PackageRef(PackageFormat.PYPI, "", name), TEAM_DATA,
                    "The data team's " + name.substring(5).replace('-', ' '), versions(10), List.of()));
        }
        List<String> maven = List.of("ledger-core", "ledger-api", "fraud-rules", "gateway-client", "settlement-batch");
        for (String name : maven) {
            out.add(new Package(new PackageRef(PackageFormat.MAVEN, "com.example.payments", name), TEAM_PAYMENTS,
                    "The payments team's " + name.replace('-', ' '), versions(10),
                    name.equals(maven.getFirst()) || name.equals(maven.getLast()) ? List.of("3.0.0") : List.of()));
        }
        for (String name : List.of("deploy-scripts", "terraform-modules", "base-images")) {
            out.add(new Package(new PackageRef(PackageFormat.GENERIC, "tools", name), SHARED,
                    "Platform " + name.replace('-', ' '), versions(12), List.of()));
        }
        for (String name : List.of("fx-rates", "geo-regions")) {
            out.add(new Package(new PackageRef(PackageFormat.GENERIC, "datasets", name), SHARED,
                    "Reference data: " + name.replace('-', ' '), versions(12), List.of()));
        }
        return out;
    }

    /** Created after every version is in place, so that their restrictions guard what comes next. */
    public static List<Group> groups() {
        return List.of(
                new Group("/npm/*", "Every npm package", "web-team@example.com", Map.of(), Map.of()),
                new Group("/npm/demo/*", "The company's npm scope: published by the web team, never taken from"
                        + " the public registry", "web-team@example.com",
                        Map.of("PUBLISH", "ALLOW_SPECIFIC_REPOSITORIES", "EXTERNAL_UPSTREAM", "BLOCK"),
                        Map.of("PUBLISH", List.of(TEAM_WEB))),
                new Group("/maven/com.example.payments/*", "The payments team's libraries", "payments@example.com",
                        Map.of("PUBLISH", "ALLOW_SPECIFIC_REPOSITORIES", "EXTERNAL_UPSTREAM", "BLOCK"),
                        Map.of("PUBLISH", List.of(TEAM_PAYMENTS))),
                new Group("/pypi//demo-~", "The data team's Python packages", "data@example.com",
                        Map.of("EXTERNAL_UPSTREAM", "BLOCK"), Map.of()),
                new Group("/generic/*", "Platform tools and reference data, published into shared only",
                        "platform@example.com", Map.of("PUBLISH", "ALLOW_SPECIFIC_REPOSITORIES"),
                        Map.of("PUBLISH", List.of(SHARED))));
    }

    /** Lets every principal of the account read from every repository of the domain. */
    public static String domainPolicy(String account) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "AccountReadsEveryRepository",
                      "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::%1$s:root"},
                      "Action": [
                        "codeartifact:GetAuthorizationToken",
                        "codeartifact:GetRepositoryEndpoint",
                        "codeartifact:ReadFromRepository",
                        "codeartifact:ListRepositoriesInDomain"
                      ],
                      "Resource": "*"
                    }
                  ]
                }
                """.formatted(account);
    }

    /** Lets the account read {@code shared} and promote into it (copy), the way releases arrive there. */
    public static String sharedPolicy(String account) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "TeamsReadSharedPackages",
                      "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::%1$s:root"},
                      "Action": [
                        "codeartifact:ReadFromRepository",
                        "codeartifact:DescribePackageVersion",
                        "codeartifact:ListPackages",
                        "codeartifact:ListPackageVersions"
                      ],
                      "Resource": "*"
                    },
                    {
                      "Sid": "ReleasesArriveByPromotion",
                      "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::%1$s:root"},
                      "Action": "codeartifact:CopyPackageVersions",
                      "Resource": "*"
                    }
                  ]
                }
                """.formatted(account);
    }

    /** {@code count} versions, oldest first: 1.0.0, 1.0.1, 1.1.0, … — valid SemVer, Maven and PEP 440 alike. */
    static List<String> versions(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(String.format(Locale.ROOT, "%d.%d.%d", 1 + i / 6, (i % 6) / 2, i % 2));
        }
        return out;
    }

    /**
     * Old versions disposed of or archived, one or two unlisted, the rest published; the newest
     * {@link #PROMOTED_PER_PACKAGE} always published, since they are promoted.
     */
    static VersionStatus statusOf(int seed, int index, int count) {
        if (index < 2) {
            return seed % 2 == 0 ? VersionStatus.DISPOSED : VersionStatus.ARCHIVED;
        }
        if (index == 2) {
            return VersionStatus.ARCHIVED;
        }
        if (index == count - PROMOTED_PER_PACKAGE - 1 || (index == 3 && seed % 3 == 0)) {
            return VersionStatus.UNLISTED;
        }
        return VersionStatus.PUBLISHED;
    }
}

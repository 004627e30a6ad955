package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.ExternalConnectionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.RepositoryDescription;
import software.amazon.awssdk.services.codeartifact.model.RepositoryExternalConnectionInfo;
import software.amazon.awssdk.services.codeartifact.model.RepositorySummary;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.codeartifact.model.UpstreamRepository;
import software.amazon.awssdk.services.codeartifact.model.UpstreamRepositoryInfo;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/** Repositories, upstreams and external connections through the real AWS SDK client. */
class RepositoryApiTest extends ServerFixture {

    private static final String DOMAIN = "my-domain";

    @BeforeEach
    void domain() {
        codeartifact.createDomain(r -> r.domain(DOMAIN));
    }

    private RepositoryDescription create(String name, String... upstreams) {
        return codeartifact.createRepository(r -> r.domain(DOMAIN).repository(name).upstreams(upstreams(upstreams)))
                .repository();
    }

    private static List<UpstreamRepository> upstreams(String... names) {
        return java.util.Arrays.stream(names).map(n -> UpstreamRepository.builder().repositoryName(n).build()).toList();
    }

    private List<String> upstreamNames(String repository) {
        return codeartifact.describeRepository(r -> r.domain(DOMAIN).repository(repository)).repository().upstreams()
                .stream().map(UpstreamRepositoryInfo::repositoryName).toList();
    }

    @Test
    void createdRepositoryDescribesItselfWithUpstreamsInPriorityOrder() {
        create("upstream-1");
        create("upstream-2");
        create("upstream-3");

        RepositoryDescription repo = codeartifact.createRepository(r -> r.domain(DOMAIN).repository("my_repo")
                .description("team packages").upstreams(upstreams("upstream-2", "upstream-1", "upstream-3"))).repository();

        assertThat(repo.arn()).isEqualTo("arn:aws:codeartifact:us-east-1:123456789012:repository/my-domain/my_repo");
        assertThat(repo.administratorAccount()).isEqualTo("123456789012");
        assertThat(repo.domainOwner()).isEqualTo("123456789012");
        assertThat(repo.description()).isEqualTo("team packages");
        assertThat(repo.externalConnections()).isEmpty();
        assertThat(upstreamNames("my_repo")).containsExactly("upstream-2", "upstream-1", "upstream-3");
    }

    @Test
    void updateReplacesTheWholeUpstreamListAndAnEmptyListClearsIt() {
        create("ra");
        create("rb");
        create("rc", "ra");

        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("rc").upstreams(upstreams("rb", "ra")));
        assertThat(upstreamNames("rc")).containsExactly("rb", "ra");

        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("rc").description("only text"));
        assertThat(upstreamNames("rc")).as("upstreams untouched when omitted").containsExactly("rb", "ra");

        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("rc").upstreams(List.of()));
        assertThat(upstreamNames("rc")).isEmpty();
    }

    @Test
    void upstreamsThatWouldMakeACycleAreRefused() {
        create("ra");
        create("rb", "ra");
        create("rc", "rb");

        assertThatThrownBy(() -> codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("ra")
                .upstreams(upstreams("rc"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("cycle"));
        assertThat(upstreamNames("ra")).isEmpty();
    }

    @Test
    void aRepositoryCannotBeItsOwnUpstreamOrListOneTwice() {
        create("ra");
        create("rb");

        assertThatThrownBy(() -> codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("ra")
                .upstreams(upstreams("ra")))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("ra")
                .upstreams(upstreams("rb", "rb")))).isInstanceOf(ValidationException.class);
    }

    @Test
    void moreThanTenDirectUpstreamsExceedTheQuota() {
        String[] names = IntStream.range(0, 11).mapToObj(i -> "up-" + i).toArray(String[]::new);
        for (String name : names) {
            create(name);
        }

        assertThatThrownBy(() -> create("downstream", names)).isInstanceOf(ServiceQuotaExceededException.class);
        assertThat(create("downstream", java.util.Arrays.copyOf(names, 10)).upstreams()).hasSize(10);
    }

    @Test
    void anUpstreamMustExistInTheSameDomain() {
        codeartifact.createDomain(r -> r.domain("other"));
        codeartifact.createRepository(r -> r.domain("other").repository("elsewhere"));

        assertThatThrownBy(() -> create("repo", "elsewhere")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aDuplicateRepositoryNameIsAConflict() {
        create("repo");

        assertThatThrownBy(() -> create("repo")).isInstanceOf(ConflictException.class);
    }

    @Test
    void badRepositoryNamesAreRefused() {
        for (String bad : List.of("x", "-dash", "has space", "slash/name", "y".repeat(101))) {
            assertThatThrownBy(() -> create(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void externalConnectionIsAssociatedOnceAndExcludesUpstreams() {
        create("npm-store");
        create("base");

        RepositoryDescription store = codeartifact.associateExternalConnection(r -> r.domain(DOMAIN)
                .repository("npm-store").externalConnection("public:npmjs")).repository();

        assertThat(store.externalConnections()).containsExactly(RepositoryExternalConnectionInfo.builder()
                .externalConnectionName("public:npmjs").packageFormat(PackageFormat.NPM)
                .status(ExternalConnectionStatus.AVAILABLE).build());
        assertThatThrownBy(() -> codeartifact.associateExternalConnection(r -> r.domain(DOMAIN)
                .repository("npm-store").externalConnection("public:pypi"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("npm-store")
                .upstreams(upstreams("base")))).isInstanceOf(ConflictException.class);

        create("team", "base");
        assertThatThrownBy(() -> codeartifact.associateExternalConnection(r -> r.domain(DOMAIN)
                .repository("team").externalConnection("public:npmjs"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void disassociateRemovesTheConnectionAndAnUnknownOneIsNotFound() {
        create("store");
        codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("store")
                .externalConnection("public:maven-central"));

        assertThatThrownBy(() -> codeartifact.disassociateExternalConnection(r -> r.domain(DOMAIN).repository("store")
                .externalConnection("public:npmjs"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(codeartifact.disassociateExternalConnection(r -> r.domain(DOMAIN).repository("store")
                .externalConnection("public:maven-central")).repository().externalConnections()).isEmpty();
    }

    @Test
    void anUnsupportedExternalConnectionIsAValidationError() {
        create("store");

        assertThatThrownBy(() -> codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("store")
                .externalConnection("public:example"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aDeletedUpstreamStaysNamedDownstreamUntilTheListIsChanged() {
        create("ra");
        create("rb");
        create("rc", "ra", "rb");

        codeartifact.deleteRepository(r -> r.domain(DOMAIN).repository("ra"));

        assertThat(upstreamNames("rc")).containsExactly("ra", "rb");
        assertThatThrownBy(() -> codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("rc")
                .upstreams(u -> u.repositoryName("ra"), u -> u.repositoryName("rb"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> codeartifact.associateExternalConnection(r -> r.domain(DOMAIN).repository("rc")
                .externalConnection("public:npmjs"))).isInstanceOf(ConflictException.class);
        codeartifact.updateRepository(r -> r.domain(DOMAIN).repository("rc").upstreams(u -> u.repositoryName("rb")));
        assertThat(upstreamNames("rc")).containsExactly("rb");
        assertThatThrownBy(() -> codeartifact.describeRepository(r -> r.domain(DOMAIN).repository("ra")))
                .isInstanceOf(ResourceNotFoundException.class);
        create("ra");
        assertThat(upstreamNames("rc")).containsExactly("rb");
    }

    @Test
    void listInDomainFiltersByPrefixAndPages() {
        for (String name : List.of("team-b", "team-a", "store", "team-c")) {
            create(name);
        }

        List<String> all = codeartifact.listRepositoriesInDomainPaginator(r -> r.domain(DOMAIN).maxResults(1))
                .repositories().stream().map(RepositorySummary::name).toList();
        List<String> team = codeartifact.listRepositoriesInDomain(r -> r.domain(DOMAIN).repositoryPrefix("team"))
                .repositories().stream().map(RepositorySummary::name).toList();

        assertThat(all).containsExactly("store", "team-a", "team-b", "team-c");
        assertThat(team).containsExactly("team-a", "team-b", "team-c");
    }

    @Test
    void listRepositoriesCoversEveryDomainOfTheAccount() {
        codeartifact.createDomain(r -> r.domain("second"));
        create("repo");
        codeartifact.createRepository(r -> r.domain("second").repository("repo"));
        codeartifact.createRepository(r -> r.domain("second").repository("another"));

        List<String> listed = codeartifact.listRepositoriesPaginator(r -> r.maxResults(1)).repositories().stream()
                .map(s -> s.domainName() + "/" + s.name()).toList();

        assertThat(listed).containsExactly("second/another", "my-domain/repo", "second/repo");
    }

    @Test
    void endpointsAreOnePerFormatAndEndWithASlash() {
        create("repo");

        for (PackageFormat format : List.of(PackageFormat.NPM, PackageFormat.PYPI, PackageFormat.MAVEN,
                PackageFormat.GENERIC, PackageFormat.NUGET)) {
            String endpoint = codeartifact.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository("repo")
                    .format(format)).repositoryEndpoint();

            assertThat(endpoint).isEqualTo(server.endpoint() + "/my-domain-123456789012/" + format + "/repo/");
        }
    }

    @Test
    void anUnknownFormatIsAValidationError() {
        create("repo");

        assertThatThrownBy(() -> codeartifact.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository("repo")
                .format("cobol"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void repositoriesAndUpstreamsSurviveARestart() throws Exception {
        create("ra");
        create("rb", "ra");

        restart();

        assertThat(upstreamNames("rb")).containsExactly("ra");
    }
}

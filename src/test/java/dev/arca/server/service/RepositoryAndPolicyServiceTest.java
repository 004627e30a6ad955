package dev.arca.server.service;

import static dev.arca.server.service.ServerServices.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.PolicyRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link RepositoryService} and {@link PolicyService} promise below HTTP, on a real store: the upstream graph
 * stays acyclic and a repository has upstreams or an external connection, deleted upstreams stay listed by name,
 * and a policy changes only from the revision its writer saw.
 */
class RepositoryAndPolicyServiceTest {

    private static final Optional<String> OWNER = Optional.empty();
    private static final String READ_POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
              "Action": "codeartifact:ReadFromRepository", "Resource": "*"}]}""";

    @TempDir
    Path dir;

    private ServerServices services;
    private RepositoryService repositories;

    @BeforeEach
    void open() {
        services = new ServerServices(dir);
        repositories = services.repositories;
        services.domains.create(ROOT, "acme", Optional.empty(), List.of());
        for (String name : List.of("store", "shared", "team")) {
            repositories.create(ROOT, OWNER, "acme", name, Optional.empty(), List.of(), List.of());
        }
        upstreams("shared", "store");
        upstreams("team", "shared");
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void anUpstreamThatWouldCloseACycleIsRefusedAndTheListStaysAsItWas() {
        assertThatThrownBy(() -> upstreams("store", "team")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).type()).isEqualTo("ValidationException");
        assertThat(describe("store").upstreams()).isEmpty();
    }

    @Test
    void aRepositoryHasUpstreamsOrAnExternalConnectionNotBoth() {
        repositories.associateExternalConnection(ROOT, OWNER, "acme", "store", "public:npmjs");
        assertThat(describe("store").externalConnection()).contains("public:npmjs");
        assertThatThrownBy(() -> upstreams("store", "shared")).isInstanceOf(ApiException.class)
                .hasMessage("Repository store has the external connection public:npmjs; a repository has upstreams"
                        + " or an external connection, not both");
    }

    @Test
    void aDeletedUpstreamStaysInItsDownstreamsListByName() {
        repositories.delete(ROOT, OWNER, "acme", "shared");
        assertThat(describe("team").upstreams()).containsExactly("shared");
    }

    @Test
    void aPolicyChangesOnlyFromTheRevisionItsWriterSaw() {
        PolicyService policies = services.policies;
        PolicyRow first = policies.putRepositoryPolicy(ROOT, OWNER, "acme", "team", READ_POLICY, Optional.empty());
        PolicyRow second = policies.putRepositoryPolicy(ROOT, OWNER, "acme", "team", READ_POLICY.replace("4444",
                "7777"), Optional.of(first.revision()));

        assertThatThrownBy(() -> policies.putRepositoryPolicy(ROOT, OWNER, "acme", "team", READ_POLICY,
                Optional.of(first.revision()))).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).type()).isEqualTo("ConflictException");
        assertThatThrownBy(() -> policies.deleteRepositoryPolicy(ROOT, OWNER, "acme", "team",
                Optional.of(first.revision()))).isInstanceOf(ApiException.class);
        assertThat(policies.getRepositoryPolicy(ROOT, OWNER, "acme", "team")).isEqualTo(second);

        policies.deleteRepositoryPolicy(ROOT, OWNER, "acme", "team", Optional.of(second.revision()));
        assertThatThrownBy(() -> policies.getRepositoryPolicy(ROOT, OWNER, "acme", "team"))
                .isInstanceOf(ApiException.class).hasMessage("No resource policy is set on repository team");
    }

    @Test
    void aMalformedPolicyIsRefusedWithItsPlaceAndNothingIsStored() {
        assertThatThrownBy(() -> services.policies.putDomainPolicy(ROOT, OWNER, "acme",
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\"}]}", Optional.empty()))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("Policy document is not valid: ");
        assertThatThrownBy(() -> services.policies.getDomainPolicy(ROOT, OWNER, "acme"))
                .isInstanceOf(ApiException.class).hasMessage("No resource policy is set on domain acme");
    }

    private void upstreams(String repository, String... upstreams) {
        repositories.update(ROOT, OWNER, "acme", repository, Optional.empty(), Optional.of(List.of(upstreams)));
    }

    private RepositoryService.RepositoryView describe(String repository) {
        return repositories.describe(ROOT, OWNER, "acme", repository);
    }
}

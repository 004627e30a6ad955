package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ResourcePolicy;
import software.amazon.awssdk.services.codeartifact.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.codeartifact.model.Tag;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/** Resource policies and tags through the real AWS SDK client. */
class PolicyAndTagApiTest extends ServerFixture {

    static final String READ_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
             "Action":"codeartifact:ReadFromRepository","Resource":"*"}]}""";
    static final String DOMAIN_POLICY = """
            {"Version":"2012-10-17","Statement":{"Sid":"BasicDomainPolicy","Effect":"Allow","Principal":"*",
             "Action":["codeartifact:GetAuthorizationToken","codeartifact:CreateRepository"],"Resource":"*"}}""";

    private String repositoryArn;
    private String domainArn;

    @BeforeEach
    void resources() {
        domainArn = codeartifact.createDomain(r -> r.domain("dd")).domain().arn();
        repositoryArn = codeartifact.createRepository(r -> r.domain("dd").repository("repo")).repository().arn();
    }

    @Test
    void repositoryPolicyIsStoredReadAndDeletedWithItsRevision() {
        ResourcePolicy put = codeartifact.putRepositoryPermissionsPolicy(r -> r.domain("dd").repository("repo")
                .policyDocument(READ_POLICY)).policy();

        assertThat(put.resourceArn()).isEqualTo(repositoryArn);
        assertThat(put.revision()).isNotBlank();
        assertThat(codeartifact.getRepositoryPermissionsPolicy(r -> r.domain("dd").repository("repo")).policy())
                .isEqualTo(put);
        assertThat(codeartifact.deleteRepositoryPermissionsPolicy(r -> r.domain("dd").repository("repo")
                .policyRevision(put.revision())).policy()).isEqualTo(put);
        assertThatThrownBy(() -> codeartifact.getRepositoryPermissionsPolicy(r -> r.domain("dd").repository("repo")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aStaleRevisionNeverOverwritesANewerPolicy() {
        String first = codeartifact.putDomainPermissionsPolicy(r -> r.domain("dd").policyDocument(DOMAIN_POLICY))
                .policy().revision();
        String second = codeartifact.putDomainPermissionsPolicy(r -> r.domain("dd").policyDocument(DOMAIN_POLICY)
                .policyRevision(first)).policy().revision();

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> codeartifact.putDomainPermissionsPolicy(r -> r.domain("dd")
                .policyDocument(DOMAIN_POLICY).policyRevision(first))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> codeartifact.deleteDomainPermissionsPolicy(r -> r.domain("dd").policyRevision(first)))
                .isInstanceOf(ConflictException.class);
        assertThat(codeartifact.getDomainPermissionsPolicy(r -> r.domain("dd")).policy().revision()).isEqualTo(second);
        assertThat(codeartifact.getDomainPermissionsPolicy(r -> r.domain("dd")).policy().resourceArn()).isEqualTo(domainArn);
    }

    @Test
    void malformedOrOversizedPoliciesAreRefused() {
        for (String bad : List.of("not json", "[]", "{\"Statement\":[]}",
                "{\"Statement\":{\"Effect\":\"Maybe\",\"Principal\":\"*\",\"Action\":\"x\"}}",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"codeartifact:ReadFromRepository\"}}",
                "{\"Version\":\"2030-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"x\"}}",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"" + "x".repeat(7200) + "\"}}")) {
            assertThatThrownBy(() -> codeartifact.putRepositoryPermissionsPolicy(r -> r.domain("dd").repository("repo")
                    .policyDocument(bad))).as(bad.length() > 80 ? bad.substring(0, 80) : bad)
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void deletingARepositoryDeletesItsPolicy() {
        codeartifact.putRepositoryPermissionsPolicy(r -> r.domain("dd").repository("repo").policyDocument(READ_POLICY));
        codeartifact.deleteRepository(r -> r.domain("dd").repository("repo"));
        codeartifact.createRepository(r -> r.domain("dd").repository("repo"));

        assertThatThrownBy(() -> codeartifact.getRepositoryPermissionsPolicy(r -> r.domain("dd").repository("repo")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tagsAreAddedOverwrittenListedAndRemoved() {
        codeartifact.tagResource(r -> r.resourceArn(repositoryArn).tags(tag("team", "a"), tag("env", "prod")));
        codeartifact.tagResource(r -> r.resourceArn(repositoryArn).tags(tag("team", "b")));
        codeartifact.untagResource(r -> r.resourceArn(repositoryArn).tagKeys("env"));

        assertThat(codeartifact.listTagsForResource(r -> r.resourceArn(repositoryArn)).tags())
                .containsExactly(tag("team", "b"));
    }

    @Test
    void aResourceHoldsAtMostFiftyTags() {
        List<Tag> fifty = IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList();
        codeartifact.tagResource(r -> r.resourceArn(domainArn).tags(fifty));

        assertThatThrownBy(() -> codeartifact.tagResource(r -> r.resourceArn(domainArn).tags(tag("one-more", "v"))))
                .isInstanceOf(ServiceQuotaExceededException.class);
        assertThat(codeartifact.listTagsForResource(r -> r.resourceArn(domainArn)).tags()).hasSize(50);
    }

    @Test
    void reservedOrOverlongTagKeysAreRefused() {
        assertThatThrownBy(() -> codeartifact.tagResource(r -> r.resourceArn(domainArn).tags(tag("aws:owner", "x"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> codeartifact.tagResource(r -> r.resourceArn(domainArn).tags(tag("k".repeat(129), "x"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void taggingAMissingResourceIsNotFound() {
        String missing = repositoryArn.replace("/repo", "/gone");

        assertThatThrownBy(() -> codeartifact.tagResource(r -> r.resourceArn(missing).tags(tag("a", "b"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> codeartifact.listTagsForResource(r -> r.resourceArn("arn:aws:s3:::bucket")))
                .isInstanceOf(ValidationException.class);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}

package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerConfig;
import dev.arca.server.ServerFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;

/**
 * The condition keys a request brings, as the server fills them: resource tags, request tags and tag keys, the
 * source address and the token duration, each deciding a cross-account request through a domain policy.
 */
class PolicyConditionsApiTest extends ServerFixture {

    private static final String A = "111122223333";
    private static final String B = "444455556666";
    private static final String REPOSITORY_ARN = "arn:aws:codeartifact:us-east-1:" + A + ":repository/shared/libs";

    private CodeartifactClient other;

    @Override
    protected ServerConfig config() {
        return super.config().withAccounts(List.of(A, B), Optional.empty());
    }

    @BeforeEach
    void domain() {
        codeartifact.createDomain(r -> r.domain("shared"));
        codeartifact.createRepository(r -> r.domain("shared").repository("libs").tags(t -> t.key("team").value("a")));
        other = codeartifactClient(server.credentials(B));
    }

    @Test
    void aResourceTagConditionFollowsTheTagsTheResourceHasNow() {
        grant("codeartifact:DescribeRepository", "{\"StringEquals\":{\"aws:ResourceTag/team\":\"b\"}}");
        assertThatThrownBy(this::describeLibs).isInstanceOf(AccessDeniedException.class);

        codeartifact.tagResource(r -> r.resourceArn(REPOSITORY_ARN).tags(t -> t.key("team").value("b")));

        assertThat(describeLibs()).isEqualTo("libs");
    }

    @Test
    void requestTagAndTagKeysConditionsSeeTheTagsARequestSets() {
        grant("codeartifact:TagResource", "{\"StringEquals\":{\"aws:RequestTag/team\":\"b\"},"
                + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}");

        other.tagResource(r -> r.resourceArn(REPOSITORY_ARN).tags(t -> t.key("team").value("b")));
        assertThatThrownBy(() -> other.tagResource(r -> r.resourceArn(REPOSITORY_ARN)
                .tags(t -> t.key("team").value("c")))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> other.tagResource(r -> r.resourceArn(REPOSITORY_ARN)
                .tags(t -> t.key("team").value("b"), t -> t.key("cost").value("1"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(codeartifact.listTagsForResource(r -> r.resourceArn(REPOSITORY_ARN)).tags())
                .singleElement().satisfies(tag -> assertThat(tag.value()).isEqualTo("b"));
    }

    @Test
    void theSourceAddressIsTheClientsLoopbackAddress() {
        grant("codeartifact:DescribeRepository", "{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}");
        assertThat(describeLibs()).isEqualTo("libs");

        grant("codeartifact:DescribeRepository", "{\"NotIpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}");
        assertThatThrownBy(this::describeLibs).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTokenDurationConditionSeesTheDurationAskedFor() {
        grant("codeartifact:GetAuthorizationToken",
                "{\"NumericLessThanEquals\":{\"sts:DurationSeconds\":\"3600\"}}");

        assertThat(other.getAuthorizationToken(r -> r.domain("shared").domainOwner(A).durationSeconds(900L))
                .authorizationToken()).isNotBlank();
        assertThatThrownBy(() -> other.getAuthorizationToken(r -> r.domain("shared").domainOwner(A)
                .durationSeconds(7200L))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("codeartifact:GetAuthorizationToken");
    }

    private String describeLibs() {
        return other.describeRepository(r -> r.domain("shared").domainOwner(A).repository("libs")).repository().name();
    }

    /** Lets account B perform {@code action} anywhere in the domain when {@code condition} holds. */
    private void grant(String action, String condition) {
        codeartifact.putDomainPermissionsPolicy(r -> r.domain("shared").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Sid":"Conditional","Effect":"Allow",
                "Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"%s","Resource":"*","Condition":%s}]}"""
                .formatted(B, action, condition)));
    }
}

package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.policy.AttachedPolicy;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicySourceType;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.error.ApiException;
import dev.arca.server.service.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessControlTest {

    private static final String OWNER = "111122223333";
    private static final String OTHER = "444455556666";
    private static final String DOMAIN = "arn:aws:codeartifact:us-east-1:" + OWNER + ":domain/shared";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:15:30.250Z"), ZoneOffset.UTC);
    private static final RequestPrincipal ALICE = RequestPrincipal.user("arn:aws:iam::" + OTHER + ":user/alice",
            "AIDAALICE");

    private final AccessControl access = new AccessControl(new LocalAccounts(List.of(OWNER, OTHER),
            Optional.of("o-exampleorg1")), principal -> principal.equals(ALICE) ? List.of(identity("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"codeartifact:*",
                    "Resource":"*"}]}""")) : List.of(), CLOCK);

    @Test
    void theContextHoldsTheRequestsTimeAddressTransportAndOrganization() {
        Map<String, List<String>> keys = access.context(Caller.root(OTHER).from("127.0.0.1"),
                Map.of("sts:DurationSeconds", List.of("900")));

        assertThat(keys).containsEntry("aws:CurrentTime", List.of("2026-12-04T10:15:30Z"))
                .containsEntry("aws:EpochTime", List.of("1796379330"))
                .containsEntry("aws:SourceIp", List.of("127.0.0.1"))
                .containsEntry("aws:SecureTransport", List.of("false"))
                .containsEntry("aws:PrincipalOrgID", List.of("o-exampleorg1"))
                .containsEntry("sts:DurationSeconds", List.of("900"));
    }

    @Test
    void refusalsAreWordedAsAwsWordsThem() {
        assertThat(denial(Caller.root(OTHER), List.of())).isEqualTo("User: arn:aws:iam::" + OTHER + ":root is not"
                + " authorized to perform: codeartifact:DescribeDomain on resource: " + DOMAIN + " because no"
                + " resource-based policy allows the codeartifact:DescribeDomain action");
        assertThat(denial(Caller.root(OWNER), List.of(resource("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"codeartifact:*",
                "Resource":"*"}]}""")))).endsWith(" with an explicit deny in a resource-based policy");
        assertThat(denial(Caller.of(RequestPrincipal.user("arn:aws:iam::" + OTHER + ":user/bob", "AIDABOB")),
                List.of(resource(grant(OTHER))))).endsWith(" because no identity-based policy allows the"
                + " codeartifact:DescribeDomain action");
    }

    @Test
    void aUsersIdentityPolicyAndTheResourcePolicyTogetherLetItInFromAnotherAccount() {
        AccessCheck check = new AccessCheck(Caller.of(ALICE), "codeartifact:DescribeDomain", DOMAIN, OWNER,
                List.of(resource(grant(OTHER))), Map.of(), Map::of);

        assertThat(access.decide(check).allowed()).isTrue();
    }

    @Test
    void aTokenNeedsTheBearerPermissionFromIdentityPoliciesExceptForARoot() {
        AccessCheck forAlice = new AccessCheck(Caller.of(ALICE), "codeartifact:GetAuthorizationToken", DOMAIN, OWNER,
                List.of(resource(grantTokens(OTHER))), Map.of(), Map::of);

        assertThatThrownBy(() -> access.require(forAlice)).isInstanceOf(ApiException.class)
                .hasMessageContaining("is not authorized to perform: sts:GetServiceBearerToken");
        access.require(new AccessCheck(Caller.root(OTHER), "codeartifact:GetAuthorizationToken", DOMAIN, OWNER,
                List.of(resource(grantTokens(OTHER))), Map.of(), Map::of));
    }

    @Test
    void resourceTagsAreReadOnlyWhenAPolicyAsksForThem() {
        AtomicInteger reads = new AtomicInteger();
        AccessCheck plain = new AccessCheck(Caller.root(OWNER), "codeartifact:DescribeDomain", DOMAIN, OWNER,
                List.of(resource(grant(OTHER))), Map.of(), () -> {
                    reads.incrementAndGet();
                    return Map.of("aws:ResourceTag/team", List.of("a"));
                });
        access.decide(plain);
        assertThat(reads).hasValue(0);

        AccessCheck tagged = new AccessCheck(Caller.root(OTHER), "codeartifact:DescribeDomain", DOMAIN, OWNER,
                List.of(resource("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",
                        "Action":"codeartifact:DescribeDomain","Resource":"*",
                        "Condition":{"StringEquals":{"aws:resourcetag/team":"a"}}}]}""")), Map.of(), plain.resourceTags());

        assertThat(access.decide(tagged).allowed()).isTrue();
        assertThat(reads).hasValue(1);
    }

    private String denial(Caller caller, List<AttachedPolicy> policies) {
        AccessCheck check = new AccessCheck(caller, "codeartifact:DescribeDomain", DOMAIN, OWNER, policies, Map.of(),
                Map::of);
        try {
            access.require(check);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.type()).isEqualTo("AccessDeniedException");
            return e.getMessage();
        }
        throw new AssertionError("allowed: " + check);
    }

    private static String grant(String account) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                "Action":"codeartifact:DescribeDomain","Resource":"*"}]}""".formatted(account);
    }

    private static String grantTokens(String account) {
        return grant(account).replace("codeartifact:DescribeDomain", "codeartifact:GetAuthorizationToken");
    }

    private static AttachedPolicy resource(String text) {
        return new AttachedPolicy("resource policy", PolicySourceType.RESOURCE,
                PolicyParser.parse(text, PolicyType.RESOURCE_POLICY));
    }

    private static AttachedPolicy identity(String text) {
        return new AttachedPolicy("alice-policy", PolicySourceType.USER,
                PolicyParser.parse(text, PolicyType.IDENTITY_POLICY));
    }
}

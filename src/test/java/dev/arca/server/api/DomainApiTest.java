package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.DomainDescription;
import software.amazon.awssdk.services.codeartifact.model.DomainStatus;
import software.amazon.awssdk.services.codeartifact.model.DomainSummary;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ResourceType;
import software.amazon.awssdk.services.codeartifact.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.codeartifact.model.Tag;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;
import software.amazon.awssdk.services.codeartifact.model.ValidationExceptionReason;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;

/** Domains through the real AWS SDK client. */
class DomainApiTest extends ServerFixture {

    @Test
    void createdDomainIsActiveEmptyAndEncryptedWithTheManagedKey() {
        DomainDescription domain = codeartifact.createDomain(r -> r.domain("my-domain")).domain();

        assertThat(domain.name()).isEqualTo("my-domain");
        assertThat(domain.owner()).isEqualTo("123456789012");
        assertThat(domain.arn()).isEqualTo("arn:aws:codeartifact:us-east-1:123456789012:domain/my-domain");
        assertThat(domain.status()).isEqualTo(DomainStatus.ACTIVE);
        assertThat(domain.repositoryCount()).isZero();
        assertThat(domain.assetSizeBytes()).isZero();
        assertThat(domain.createdTime()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
        AliasListEntry managed = kms.listAliases().aliases().stream()
                .filter(a -> a.aliasName().equals("alias/aws/codeartifact")).findFirst().orElseThrow();
        assertThat(domain.encryptionKey()).endsWith(managed.targetKeyId());
        assertThat(kms.describeKey(r -> r.keyId(managed.targetKeyId())).keyMetadata().keyManager())
                .isEqualTo(KeyManagerType.AWS);
    }

    @Test
    void aCustomerKeyCanBeNamedByAlias() {
        String keyArn = kms.createKey(r -> r.description("team key")).keyMetadata().arn();
        kms.createAlias(r -> r.aliasName("alias/team").targetKeyId(keyArn));

        DomainDescription domain = codeartifact.createDomain(r -> r.domain("keyed").encryptionKey("alias/team")).domain();

        assertThat(domain.encryptionKey()).isEqualTo(keyArn);
    }

    @Test
    void anUnknownKeyIsAnEncryptionKeyError() {
        assertThatThrownBy(() -> codeartifact.createDomain(r -> r.domain("keyed").encryptionKey("alias/missing")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ValidationExceptionReason.ENCRYPTION_KEY_ERROR);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void describeReportsTheRepositoryCount() {
        codeartifact.createDomain(r -> r.domain("counted"));
        codeartifact.createRepository(r -> r.domain("counted").repository("one"));
        codeartifact.createRepository(r -> r.domain("counted").repository("two"));

        assertThat(codeartifact.describeDomain(r -> r.domain("counted")).domain().repositoryCount()).isEqualTo(2);
    }

    @Test
    void aDuplicateNameIsAConflict() {
        codeartifact.createDomain(r -> r.domain("twice"));

        assertThatThrownBy(() -> codeartifact.createDomain(r -> r.domain("twice")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    }

    @Test
    void badNamesAreRefusedWithTheModelsConstraint() {
        for (String bad : List.of("A", "Upper", "-leading", "trailing-", "under_score", "x".repeat(51))) {
            assertThatThrownBy(() -> codeartifact.createDomain(r -> r.domain(bad)))
                    .as(bad).isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("at 'domain' failed to satisfy constraint");
                    });
        }
    }

    @Test
    void aMissingDomainIsNotFoundWithItsResourceType() {
        assertThatThrownBy(() -> codeartifact.describeDomain(r -> r.domain("nowhere")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo(ResourceType.DOMAIN);
                    assertThat(e.resourceId()).isEqualTo("nowhere");
                });
    }

    @Test
    void theEleventhDomainExceedsTheQuotaWithStatus402() {
        for (int i = 0; i < 10; i++) {
            int n = i;
            codeartifact.createDomain(r -> r.domain("domain-" + n));
        }

        assertThatThrownBy(() -> codeartifact.createDomain(r -> r.domain("domain-10")))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(402));
    }

    @Test
    void listPagesThroughEveryDomainInNameOrder() {
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            codeartifact.createDomain(r -> r.domain(name));
        }

        List<String> names = codeartifact.listDomainsPaginator(r -> r.maxResults(2)).domains().stream()
                .map(DomainSummary::name).toList();

        assertThat(names).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(codeartifact.listDomains(r -> r.maxResults(2)).nextToken()).isNotBlank();
    }

    @Test
    void aForgedPageTokenIsAValidationError() {
        assertThatThrownBy(() -> codeartifact.listDomains(r -> r.nextToken("bm90IGEgdG9rZW4")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void deleteIsRefusedWhileRepositoriesRemainAndThenSucceeds() {
        codeartifact.createDomain(r -> r.domain("busy"));
        codeartifact.createRepository(r -> r.domain("busy").repository("repo"));

        assertThatThrownBy(() -> codeartifact.deleteDomain(r -> r.domain("busy")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("1 repository"));

        codeartifact.deleteRepository(r -> r.domain("busy").repository("repo"));
        assertThat(codeartifact.deleteDomain(r -> r.domain("busy")).domain().status()).isEqualTo(DomainStatus.DELETED);
        assertThat(codeartifact.listDomains(r -> { }).domains()).isEmpty();
    }

    @Test
    void tagsGivenAtCreationAreListedAndGoWithTheDomain() {
        String arn = codeartifact.createDomain(r -> r.domain("tagged")
                .tags(Tag.builder().key("team").value("platform").build())).domain().arn();

        assertThat(codeartifact.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("platform").build());

        codeartifact.deleteDomain(r -> r.domain("tagged"));
        codeartifact.createDomain(r -> r.domain("tagged"));
        assertThat(codeartifact.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEmpty();
    }

    @Test
    void domainsSurviveARestart() throws Exception {
        DomainDescription created = codeartifact.createDomain(r -> r.domain("durable")).domain();

        restart();

        assertThat(codeartifact.describeDomain(r -> r.domain("durable")).domain()).isEqualTo(created);
    }
}

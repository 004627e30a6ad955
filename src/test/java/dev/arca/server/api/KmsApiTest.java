package dev.arca.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.ServerFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** The local KMS through the real AWS SDK KmsClient. */
class KmsApiTest extends ServerFixture {

    @Test
    void aCreatedKeyIsDescribedByIdArnAliasAndAliasArn() {
        KeyMetadata key = kms.createKey(r -> r.description("release signing")).keyMetadata();
        kms.createAlias(r -> r.aliasName("alias/release").targetKeyId(key.keyId()));

        assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/" + key.keyId());
        assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(key.enabled()).isTrue();
        for (String reference : List.of(key.keyId(), key.arn(), "alias/release",
                "arn:aws:kms:us-east-1:123456789012:alias/release")) {
            assertThat(kms.describeKey(r -> r.keyId(reference)).keyMetadata().keyId()).as(reference).isEqualTo(key.keyId());
        }
    }

    @Test
    void listKeysPagesThroughEveryKey() {
        List<String> created = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> kms.createKey(r -> r.description("k" + i)).keyMetadata().keyId()).toList();

        List<String> listed = kms.listKeysPaginator(r -> r.limit(2)).keys().stream().map(KeyListEntry::keyId).toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void aliasesAreListedAndFilteredByKey() {
        String first = kms.createKey(r -> r.description("a")).keyMetadata().keyId();
        String second = kms.createKey(r -> r.description("b")).keyMetadata().keyId();
        kms.createAlias(r -> r.aliasName("alias/first").targetKeyId(first));
        kms.createAlias(r -> r.aliasName("alias/second").targetKeyId(second));

        assertThat(kms.listAliases(r -> { }).aliases()).extracting(a -> a.aliasName())
                .containsExactly("alias/first", "alias/second");
        assertThat(kms.listAliases(r -> r.keyId(second)).aliases()).extracting(a -> a.targetKeyId())
                .containsExactly(second);
    }

    @Test
    void aDuplicateAliasAlreadyExists() {
        String key = kms.createKey(r -> r.description("a")).keyMetadata().keyId();
        kms.createAlias(r -> r.aliasName("alias/taken").targetKeyId(key));

        assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("alias/taken").targetKeyId(key)))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void unknownKeysAreNotFoundAndReservedAliasesRefused() {
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/none"))).isInstanceOf(NotFoundException.class);
        String key = kms.createKey(r -> r.description("a")).keyMetadata().keyId();
        assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("alias/aws/mine").targetKeyId(key)))
                .isInstanceOf(KmsException.class);
    }

    @Test
    void asymmetricKeysAreRefusedPlainly() {
        assertThatThrownBy(() -> kms.createKey(r -> r.keySpec("RSA_2048").keyUsage("SIGN_VERIFY")))
                .isInstanceOfSatisfying(KmsException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("only symmetric"));
    }

    @Test
    void keysSurviveARestart() throws Exception {
        String key = kms.createKey(r -> r.description("durable")).keyMetadata().keyId();

        restart();

        assertThat(kms.describeKey(r -> r.keyId(key)).keyMetadata().description()).isEqualTo("durable");
    }
}

package dev.arca.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.store.sql.SqliteMetadataStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM secrets sealed under the store's key: never in clear, bound to their row, readable after a restart. */
class SecretSealerTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;

    @Test
    void aSealedSecretOpensForItsOwnRowAfterARestart() {
        byte[] sealed;
        try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("metadata.db"))) {
            sealed = new SecretSealer(store).seal(SECRET, "AKIA1");
        }
        try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("metadata.db"))) {
            assertThat(new SecretSealer(store).open(sealed, "AKIA1")).isEqualTo(SECRET);
        }
    }

    @Test
    void aSealedSecretIsNotTheSecretAndOpensForNoOtherRow() {
        try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("metadata.db"))) {
            SecretSealer sealer = new SecretSealer(store);
            byte[] sealed = sealer.seal(SECRET, "AKIA1");

            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            assertThat(sealer.seal(SECRET, "AKIA1")).isNotEqualTo(sealed);
            assertThatThrownBy(() -> sealer.open(sealed, "AKIA2")).isInstanceOf(IllegalStateException.class);
        }
    }
}

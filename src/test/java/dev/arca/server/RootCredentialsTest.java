package dev.arca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RootCredentialsTest {

    @Test
    void generatedPairsAreShapedLikeIamKeysAndDiffer() {
        SecureRandom random = new SecureRandom();
        RootCredentials a = RootCredentials.generate(random);
        RootCredentials b = RootCredentials.generate(random);

        assertThat(a.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(a.secretAccessKey()).hasSize(40);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void environmentWithNeitherVariableMeansNone() {
        assertThat(RootCredentials.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void environmentWithBothVariablesIsUsed() {
        assertThat(RootCredentials.fromEnvironment(Map.of(
                RootCredentials.ACCESS_KEY_ENV, "AKIAEXAMPLEEXAMPLE01",
                RootCredentials.SECRET_KEY_ENV, "a-secret-that-is-long-enough")))
                .hasValue(new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough"));
    }

    @Test
    void environmentWithOnlyOneVariableIsRefused() {
        assertThatThrownBy(() -> RootCredentials.fromEnvironment(Map.of(RootCredentials.ACCESS_KEY_ENV, "AKIAEXAMPLEEXAMPLE01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be set together");
    }

    @Test
    void shortSecretsAndMalformedKeyIdsAreRefused() {
        assertThatThrownBy(() -> new RootCredentials("AKIAEXAMPLEEXAMPLE01", "short"))
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> new RootCredentials("akia-lower", "a-secret-that-is-long-enough"))
                .hasMessageContaining("upper-case");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        RootCredentials credentials = new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough");

        assertThat(credentials.toString()).contains("AKIAEXAMPLEEXAMPLE01").doesNotContain("a-secret");
    }
}

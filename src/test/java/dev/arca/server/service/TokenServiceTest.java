package dev.arca.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.ServiceLimits;
import dev.arca.server.kms.LocalKms;
import dev.arca.server.store.sql.SqliteMetadataStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Caller root = Caller.root("123456789012");
    private SqliteMetadataStore store;
    private DomainService domains;

    @BeforeEach
    void open() {
        store = SqliteMetadataStore.open(dir.resolve("metadata.db"));
        LocalKms kms = new LocalKms("us-east-1", clock);
        domains = new DomainService(store, kms, new TagService(store, ServiceLimits.DEFAULT, "us-east-1"),
                ServiceLimits.DEFAULT, clock);
        domains.create(root, "tokens", Optional.empty(), List.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private dev.arca.server.model.Records.DomainRow domain() {
        return store.read(tx -> tx.domains().find("123456789012", "tokens").orElseThrow());
    }

    @Test
    void anIssuedTokenVerifiesWithItsClaimsUntilItExpires() {
        TokenService tokens = new TokenService(store, clock);
        TokenService.IssuedToken issued = tokens.issue(root, domain(), Optional.of(900L));

        TokenService.TokenClaims claims = tokens.verify(issued.token()).orElseThrow();
        assertThat(claims.caller()).isEqualTo(root);
        assertThat(claims.domain()).isEqualTo("tokens");
        assertThat(claims.domainOwner()).isEqualTo("123456789012");
        assertThat(claims.expiration()).isEqualTo(now.get().plusSeconds(900));

        now.set(now.get().plus(Duration.ofSeconds(900)));
        assertThat(tokens.verify(issued.token())).isEmpty();
    }

    @Test
    void tokensSurviveARestartOfTheService() {
        String token = new TokenService(store, clock).issue(root, domain(), Optional.empty())
                .token();

        assertThat(new TokenService(store, clock).verify(token)).isPresent();
    }

    @Test
    void rotatingTheSecretRevokesEveryEarlierToken() {
        TokenService tokens = new TokenService(store, clock);
        String before = tokens.issue(root, domain(), Optional.empty()).token();
        assertThat(tokens.verify(before)).as("checked once, and remembered as checked").isPresent();

        tokens.rotateSecret();

        assertThat(tokens.verify(before)).isEmpty();
        assertThat(tokens.verify(tokens.issue(root, domain(), Optional.empty()).token())).isPresent();
        assertThat(new TokenService(store, clock).verify(before)).as("rotation is stored").isEmpty();
    }

    @Test
    void tamperedOrForeignTokensAreRejected() {
        TokenService tokens = new TokenService(store, clock);
        String token = tokens.issue(root, domain(), Optional.empty()).token();
        String payload = token.substring(0, token.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(payload)).replace("tokens", "others").getBytes())
                + token.substring(token.indexOf('.'));

        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(tokens.verify("garbage")).isEmpty();
        assertThat(tokens.verify("a.b")).isEmpty();
        assertThat(tokens.verify(token + "x")).isEmpty();
    }
}

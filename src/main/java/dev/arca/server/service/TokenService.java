package dev.arca.server.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.core.ServiceLimits;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.DomainRow;
import dev.arca.server.store.CacheBudget;
import dev.arca.server.store.MetadataStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authorization tokens for package clients: a domain-scoped claim (who, which domain, until when) signed with
 * the server's token secret. They survive restarts because the secret is stored; rotating the secret
 * ({@link #rotateSecret()}) revokes every token issued before.
 */
public final class TokenService {

    static final String SECRET_SETTING = "token-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** What a valid token says. */
    public record TokenClaims(Caller caller, String domainOwner, String domain, Instant expiration) {
    }

    /** An issued token and when it stops working. */
    public record IssuedToken(String token, Instant expiration) {
    }

    /** The signing secret as read under a structure stamp. */
    private record Secret(byte[] bytes, long stamp) {
    }

    /** A token whose signature was checked, and the secret it was checked with. */
    private record Verified(TokenClaims claims, byte[] secret) {
    }

    /** Tokens remembered as checked, as many as a look-up memory keeps; past that the memory starts again. */
    private static final int VERIFIED_KEPT = CacheBudget.ofThisJvm().lookups();

    private final MetadataStore store;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Secret secret;

    public TokenService(MetadataStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        byte[] stored = store.write(tx -> tx.settings().get(SECRET_SETTING).orElseGet(() -> {
            byte[] fresh = freshSecret();
            tx.settings().put(SECRET_SETTING, fresh);
            return fresh;
        }));
        this.secret = new Secret(stored, store.structureStamp());
    }

    /**
     * The signing secret as stored: read again when the structure stamp moved, so a rotation by another instance
     * sharing the database applies here too. The same bytes stay the same array, which verified tokens are keyed by.
     */
    private byte[] secret() {
        long stamp = store.structureStamp();
        Secret known = secret;
        if (known.stamp() == stamp) {
            return known.bytes();
        }
        byte[] stored = store.read(tx -> tx.settings().get(SECRET_SETTING)).orElse(known.bytes());
        byte[] current = Arrays.equals(stored, known.bytes()) ? known.bytes() : stored;
        secret = new Secret(current, stamp);
        return current;
    }

    /**
     * Issues a token for {@code domain}, carrying the caller's principal: requests made with it are decided as that
     * principal when they arrive. {@code durationSeconds} is 900–43200 (absent means 43200) or 0: as long as the
     * caller's role session lasts, or 43200 for long-term credentials.
     */
    public IssuedToken issue(Caller caller, DomainRow row, Optional<Long> durationSeconds) {
        long seconds = durationSeconds.orElse((long) ServiceLimits.MAX_TOKEN_SECONDS);
        if (seconds != 0 && seconds < ServiceLimits.MIN_TOKEN_SECONDS) {
            throw ApiException.validation("durationSeconds must be 0 or between " + ServiceLimits.MIN_TOKEN_SECONDS
                    + " and " + ServiceLimits.MAX_TOKEN_SECONDS + ", not " + seconds);
        }
        Instant now = clock.instant();
        Instant expiration = seconds == 0
                ? caller.sessionExpiry().orElse(now.plusSeconds(ServiceLimits.MAX_TOKEN_SECONDS))
                : Instant.ofEpochSecond(now.getEpochSecond() + seconds);
        RequestPrincipal principal = caller.principal();
        ObjectNode claims = JSON.createObjectNode()
                .put("v", 2)
                .put("acct", caller.accountId())
                .put("arn", caller.principalArn())
                .put("type", principal.type().name())
                .put("uid", principal.userId());
        principal.roleArn().ifPresent(role -> claims.put("role", role));
        principal.sessionName().ifPresent(session -> claims.put("sess", session));
        claims.put("owner", row.owner())
                .put("domain", row.name())
                .put("iat", now.getEpochSecond())
                .put("exp", expiration.getEpochSecond());
        String payload = ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return new IssuedToken(payload + "." + ENCODER.encodeToString(sign(payload, secret())), expiration);
    }

    /**
     * The claims of a token this server issued and that has not expired; empty for anything else. Package clients
     * send the same token with every request: a token's signature is checked once for each signing secret.
     */
    public Optional<TokenClaims> verify(String token) {
        byte[] signingSecret = secret();
        Verified known = verified.get(token);
        if (known != null && known.secret() == signingSecret) {
            return clock.instant().isBefore(known.claims().expiration()) ? Optional.of(known.claims())
                    : Optional.empty();
        }
        Optional<TokenClaims> claims = check(token, signingSecret);
        if (claims.isPresent()) {
            if (verified.size() >= VERIFIED_KEPT) {
                verified.clear();
            }
            verified.put(token, new Verified(claims.get(), signingSecret));
        }
        return claims;
    }

    private Optional<TokenClaims> check(String token, byte[] signingSecret) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload, signingSecret), signature)) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            Instant expiration = Instant.ofEpochSecond(claims.path("exp").asLong());
            if (!clock.instant().isBefore(expiration)) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(Caller.of(principal(claims)), claims.path("owner").asText(),
                    claims.path("domain").asText(), expiration));
        } catch (IOException | IllegalArgumentException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /** The principal a token was issued to; tokens of version 1 were only ever issued to account roots. */
    private static RequestPrincipal principal(JsonNode claims) {
        String account = claims.path("acct").asText();
        String arn = claims.path("arn").asText();
        String uid = claims.path("uid").asText();
        RequestPrincipal.Type type = RequestPrincipal.Type.valueOf(claims.path("type").asText("ROOT"));
        return switch (type) {
            case ROOT -> RequestPrincipal.root(account);
            case USER -> RequestPrincipal.user(arn, uid);
            case ROLE -> RequestPrincipal.role(arn, uid);
            case ASSUMED_ROLE -> RequestPrincipal.assumedRole(claims.path("role").asText(),
                    claims.path("sess").asText(), uid.substring(0, uid.indexOf(':')));
            case FEDERATED_USER, SERVICE, ANONYMOUS -> throw new IllegalArgumentException("no token for " + type);
        };
    }

    /** Replaces the signing secret: every token issued so far stops working. */
    public void rotateSecret() {
        byte[] fresh = freshSecret();
        store.write(tx -> {
            tx.settings().put(SECRET_SETTING, fresh);
            return null;
        });
    }

    private static byte[] sign(String payload, byte[] signingSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] freshSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

}

package dev.arca.server.kms;

import dev.arca.server.model.Records.AliasRow;
import dev.arca.server.model.Records.KeyRow;
import dev.arca.server.store.MetadataStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local server's key service: symmetric 256-bit keys and aliases per account, found by key id, key
 * ARN, alias name or alias ARN as AWS KMS resolves them. CodeArtifact domains without a key of their own
 * get the account's AWS-managed key {@value #CODEARTIFACT_ALIAS}.
 */
public final class LocalKms {

    public static final String CODEARTIFACT_ALIAS = "alias/aws/codeartifact";
    private static final Pattern KEY_ARN = Pattern.compile("arn:aws:kms:([a-z0-9-]+):([0-9]{12}):key/(.+)");
    private static final Pattern ALIAS_ARN = Pattern.compile("arn:aws:kms:([a-z0-9-]+):([0-9]{12}):(alias/.+)");

    private final String region;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> materials = new ConcurrentHashMap<>();

    public LocalKms(String region, Clock clock) {
        this.region = Objects.requireNonNull(region);
        this.clock = Objects.requireNonNull(clock);
    }

    public String region() {
        return region;
    }

    public KeyRow createKey(MetadataStore.Transaction tx, String account, String description, boolean awsManaged) {
        String keyId = UUID.randomUUID().toString();
        byte[] material = new byte[32];
        random.nextBytes(material);
        KeyRow key = new KeyRow(keyId, keyArn(account, keyId), account, description, awsManaged,
                clock.instant(), material);
        tx.keys().insert(key);
        return key;
    }

    /** The account's AWS-managed CodeArtifact key, created with its alias on first use. */
    public KeyRow codeartifactManagedKey(MetadataStore.Transaction tx, String account) {
        return tx.keys().findAlias(account, CODEARTIFACT_ALIAS).flatMap(alias -> tx.keys().find(alias.targetKeyId()))
                .orElseGet(() -> {
                    KeyRow key = createKey(tx, account,
                            "Default key that protects my CodeArtifact data when no other key is defined", true);
                    tx.keys().insertAlias(new AliasRow(CODEARTIFACT_ALIAS, account, key.keyId(), clock.instant()));
                    return key;
                });
    }

    /** Resolves a key id, key ARN, alias name or alias ARN in {@code account}; empty when nothing matches. */
    public Optional<KeyRow> resolve(MetadataStore.Transaction tx, String account, String reference) {
        Matcher keyArn = KEY_ARN.matcher(reference);
        if (keyArn.matches()) {
            return keyArn.group(1).equals(region)
                    ? tx.keys().find(keyArn.group(3)).filter(k -> k.account().equals(keyArn.group(2)))
                    : Optional.empty();
        }
        Matcher aliasArn = ALIAS_ARN.matcher(reference);
        if (aliasArn.matches()) {
            return aliasArn.group(1).equals(region)
                    ? tx.keys().findAlias(aliasArn.group(2), aliasArn.group(3))
                            .flatMap(a -> tx.keys().find(a.targetKeyId()))
                    : Optional.empty();
        }
        if (reference.startsWith("alias/")) {
            return tx.keys().findAlias(account, reference).flatMap(a -> tx.keys().find(a.targetKeyId()));
        }
        return tx.keys().find(reference).filter(k -> k.account().equals(account));
    }

    /**
     * The key material behind a key ARN, for encrypting a domain's blobs. Keys are never changed or deleted, so
     * each is read once: every download needs its domain's key.
     */
    public byte[] material(MetadataStore.Transaction tx, String keyArn) {
        byte[] known = materials.get(keyArn);
        if (known != null) {
            return known;
        }
        Matcher m = KEY_ARN.matcher(keyArn);
        if (!m.matches()) {
            throw new IllegalStateException("not a key ARN: " + keyArn);
        }
        byte[] material = tx.keys().find(m.group(3)).orElseThrow(() -> new IllegalStateException("key " + keyArn
                + " is gone")).material();
        materials.put(keyArn, material);
        return material;
    }

    public List<AliasRow> aliasesOf(MetadataStore.Transaction tx, KeyRow key) {
        return tx.keys().listAliases(key.account(), Optional.of(key.keyId()), Optional.empty(), 100);
    }

    public String keyArn(String account, String keyId) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
    }

    public String aliasArn(String account, String aliasName) {
        return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
    }
}

package dev.arca.server.kms;

import dev.arca.server.error.ApiException;
import dev.arca.server.model.Records.AliasRow;
import dev.arca.server.model.Records.KeyRow;
import dev.arca.server.store.MetadataStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The KMS operations the local server offers its callers, each one transaction: keys and aliases of the caller's
 * account, found as {@link LocalKms#resolve} finds them. Failures carry KMS's own exception names.
 */
public final class KeyService {

    private final MetadataStore store;
    private final LocalKms kms;
    private final Clock clock;

    public KeyService(MetadataStore store, LocalKms kms, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.kms = Objects.requireNonNull(kms);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The key a reference (key id or ARN, alias name or ARN) names in {@code account}, if there is one. */
    public Optional<KeyRow> find(String account, String reference) {
        return store.read(tx -> kms.resolve(tx, account, reference));
    }

    public KeyRow describe(String account, String reference) {
        return find(account, reference).orElseThrow(() -> notFound(reference));
    }

    public KeyRow create(String account, String description) {
        return store.write(tx -> kms.createKey(tx, account, description, false));
    }

    /** An account's keys by key id after {@code afterKeyId}, at most {@code limit}. */
    public List<KeyRow> list(String account, Optional<String> afterKeyId, int limit) {
        return store.read(tx -> tx.keys().list(account, afterKeyId, limit));
    }

    /** An account's aliases by name, only those of the key {@code keyReference} names when given. */
    public List<AliasRow> listAliases(String account, Optional<String> keyReference, Optional<String> afterName,
                                      int limit) {
        return store.read(tx -> {
            Optional<String> targetKeyId = keyReference.map(ref -> kms.resolve(tx, account, ref)
                    .orElseThrow(() -> notFound(ref)).keyId());
            return tx.keys().listAliases(account, targetKeyId, afterName, limit);
        });
    }

    /** Points a new alias at the key {@code targetKeyReference} names (by key id or ARN, not by another alias). */
    public void createAlias(String account, String aliasName, String targetKeyReference) {
        store.write(tx -> {
            KeyRow key = kms.resolve(tx, account, targetKeyReference)
                    .filter(k -> !targetKeyReference.startsWith("alias/"))
                    .orElseThrow(() -> notFound(targetKeyReference));
            if (tx.keys().findAlias(account, aliasName).isPresent()) {
                throw error("AlreadyExistsException", "An alias with the name " + kms.aliasArn(account, aliasName)
                        + " already exists");
            }
            tx.keys().insertAlias(new AliasRow(aliasName, account, key.keyId(), clock.instant()));
            return null;
        });
    }

    public String aliasArn(String account, String aliasName) {
        return kms.aliasArn(account, aliasName);
    }

    private static ApiException notFound(String reference) {
        return error("NotFoundException", "Key '" + reference + "' does not exist");
    }

    /** A KMS error: status 400 with KMS's exception name as the type. */
    public static ApiException error(String type, String message) {
        return new ApiException(400, type, message, Map.of());
    }
}

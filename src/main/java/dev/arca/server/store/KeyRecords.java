package dev.arca.server.store;

import dev.arca.server.model.Records.AliasRow;
import dev.arca.server.model.Records.KeyRow;
import java.util.List;
import java.util.Optional;

/** The local KMS's keys and aliases. */
public interface KeyRecords {

    void insert(KeyRow key);

    Optional<KeyRow> find(String keyId);

    List<KeyRow> list(String account, Optional<String> afterKeyId, int limit);

    void insertAlias(AliasRow alias);

    Optional<AliasRow> findAlias(String account, String aliasName);

    List<AliasRow> listAliases(String account, Optional<String> targetKeyId, Optional<String> afterName, int limit);
}

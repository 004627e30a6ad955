package dev.arca.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The rows the metadata store holds, as plain values. */
public final class StoreRecords {

    private StoreRecords() {
    }

    public record DomainRow(long id, String owner, String name, String encryptionKeyArn, Instant createdTime) {
        public DomainRow {
            Objects.requireNonNull(owner);
            Objects.requireNonNull(name);
            Objects.requireNonNull(encryptionKeyArn);
            Objects.requireNonNull(createdTime);
        }
    }

    public record RepositoryRow(long id, long domainId, String domainOwner, String domainName, String name,
                                String administrator, Optional<String> description, Instant createdTime) {
        public RepositoryRow {
            Objects.requireNonNull(domainOwner);
            Objects.requireNonNull(domainName);
            Objects.requireNonNull(name);
            Objects.requireNonNull(administrator);
            Objects.requireNonNull(description);
            Objects.requireNonNull(createdTime);
        }
    }

    public record PolicyRow(String resourceArn, String document, String revision) {
    }

    public record TagRow(String key, String value) {
    }

    public record KeyRow(String keyId, String arn, String account, String description, boolean awsManaged,
                         Instant createdTime, byte[] material) {
    }

    public record AliasRow(String name, String account, String targetKeyId, Instant createdTime) {
    }
}

package dev.arca.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A domain as the console shows it.
 *
 * @param repositoryCount -1 when the listing did not say (DescribeDomain does, ListDomains does not)
 * @param assetSizeBytes  -1 when unknown
 */
public record DomainInfo(String name, String owner, String arn, String status, Instant createdTime,
                         String encryptionKey, int repositoryCount, long assetSizeBytes) {

    public DomainInfo {
        Objects.requireNonNull(name);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(arn);
        Objects.requireNonNull(status);
        Objects.requireNonNull(createdTime);
        Objects.requireNonNull(encryptionKey);
    }
}

package dev.arca.server.store;

import dev.arca.server.model.Records.PackageKey;
import dev.arca.server.model.Records.PackageRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Packages of a repository, with their origin controls and their tags (npm dist-tags). */
public interface PackageRecords {

    Optional<PackageRow> find(long repositoryId, String format, String namespace, String name);

    PackageRow insert(long repositoryId, String format, String namespace, String name, String publish,
                      String upstream);

    void updateOrigin(long packageId, String publish, String upstream);

    void delete(long packageId);

    /**
     * Packages ordered by (format, namespace, name), {@code namespace} and {@code namePrefix} matching as
     * prefixes (as ListPackages does); {@code afterKey} is the last such key joined by NUL.
     */
    List<PackageRow> list(long repositoryId, Optional<String> format, Optional<String> namespace,
                          Optional<String> namePrefix, Optional<String> publish, Optional<String> upstream,
                          Optional<String> afterKey, int limit);

    /** Every distinct package in any repository of a domain, in (format, namespace, name) order. */
    List<PackageKey> inDomain(long domainId);

    /** A package's tags: each a name pointing at a version, by name. */
    Map<String, String> tags(long packageId);

    void putTag(long packageId, String tag, String version);

    void deleteTag(long packageId, String tag);

    /** Removes the tags that point at {@code version}, when it goes. */
    void deleteTagsOf(long packageId, String version);
}

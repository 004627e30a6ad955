package dev.arca.core;

/**
 * CodeArtifact's quotas (spec/behavior.md §2). Fixed defaults today; a record so that a server can be
 * configured with others later.
 */
public record ServiceLimits(
        int domainsPerAccount,
        int repositoriesPerDomain,
        int directUpstreams,
        int upstreamSearchBudget,
        int tagsPerResource,
        int maxPageSize,
        int defaultPageSize) {

    public static final ServiceLimits DEFAULT = new ServiceLimits(10, 1000, 10, 25, 50, 1000, 50);

    /**
     * The most versions one CopyPackageVersions, UpdatePackageVersionsStatus, DisposePackageVersions or
     * DeletePackageVersions request may name; bulk workflows split larger changes into batches of this size.
     */
    public static final int VERSIONS_PER_BATCH = 100;

    public static final int MIN_TOKEN_SECONDS = 900;
    public static final int MAX_TOKEN_SECONDS = 43_200;
}

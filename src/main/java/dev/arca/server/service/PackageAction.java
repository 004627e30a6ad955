package dev.arca.server.service;

/**
 * The IAM actions package clients need (spec/behavior.md §10): reading needs {@code ReadFromRepository} on the
 * repository, publishing {@code PublishPackageVersion} on the package, changing package metadata (npm dist-tags,
 * Maven metadata) {@code PutPackageMetadata} on the package.
 */
public enum PackageAction {
    READ_FROM_REPOSITORY("ReadFromRepository"),
    PUBLISH_PACKAGE_VERSION("PublishPackageVersion"),
    PUT_PACKAGE_METADATA("PutPackageMetadata");

    private final String operation;

    PackageAction(String operation) {
        this.operation = operation;
    }

    /** The action's name as the audit log and CloudTrail show it, e.g. {@code ReadFromRepository}. */
    public String operation() {
        return operation;
    }

    /** The action as IAM policies name it, e.g. {@code codeartifact:ReadFromRepository}. */
    public String iamAction() {
        return "codeartifact:" + operation;
    }

    /** Whether the action names a package (rather than the repository) as its resource. */
    public boolean onPackage() {
        return this != READ_FROM_REPOSITORY;
    }
}

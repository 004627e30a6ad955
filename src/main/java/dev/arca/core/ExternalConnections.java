package dev.arca.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public repositories CodeArtifact can connect to, by connection name, with their package format
 * (spec/behavior.md §7). Only names: where each points is configuration, never a host written here.
 */
public final class ExternalConnections {

    private static final Map<String, PackageFormat> SUPPORTED = new LinkedHashMap<>();

    static {
        SUPPORTED.put("public:npmjs", PackageFormat.NPM);
        SUPPORTED.put("public:pypi", PackageFormat.PYPI);
        SUPPORTED.put("public:maven-central", PackageFormat.MAVEN);
        SUPPORTED.put("public:maven-googleandroid", PackageFormat.MAVEN);
        SUPPORTED.put("public:maven-gradleplugins", PackageFormat.MAVEN);
        SUPPORTED.put("public:maven-commonsware", PackageFormat.MAVEN);
        SUPPORTED.put("public:maven-clojars", PackageFormat.MAVEN);
        SUPPORTED.put("public:nuget-org", PackageFormat.NUGET);
        SUPPORTED.put("public:ruby-gems-org", PackageFormat.RUBY);
        SUPPORTED.put("public:crates-io", PackageFormat.CARGO);
    }

    private ExternalConnections() {
    }

    /** The format of a supported connection, or empty for a name CodeArtifact does not offer. */
    public static Optional<PackageFormat> formatOf(String connectionName) {
        return Optional.ofNullable(SUPPORTED.get(connectionName));
    }

    /**
     * The name the console gives the repository that holds a connection when it is picked as a "public upstream"
     * of a new repository: {@code npm-store} for {@code public:npmjs}, else the name after {@code public:} and
     * {@code -store} ({@code pypi-store}, {@code maven-central-store}).
     */
    public static String storeRepositoryName(String connectionName) {
        String source = connectionName.startsWith("public:") ? connectionName.substring(7) : connectionName;
        return ("npmjs".equals(source) ? "npm" : source) + "-store";
    }

    public static Map<String, PackageFormat> supported() {
        return Map.copyOf(SUPPORTED);
    }
}

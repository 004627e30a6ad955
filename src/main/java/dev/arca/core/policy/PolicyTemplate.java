package dev.arca.core.policy;

import java.util.List;

/**
 * Starting points for resource policies, taken from the CodeArtifact User Guide's examples and filled in with the
 * resource's own account and ARNs. Values the guide leaves to the reader (an organization id, another account, a
 * namespace) stay as recognizable placeholders to replace.
 */
public enum PolicyTemplate {

    BASIC_DOMAIN("Domain: basic use by another account", true),
    ORGANIZATION_READ("Read for an organization", false),
    CROSS_ACCOUNT_READ("Cross-account read", false),
    CI_PUBLISHER("CI publisher role", false),
    DENY_NAMESPACE_PUBLISH("Deny publishing to a namespace", false);

    /** The account another account's examples name, as the AWS documentation does. */
    public static final String OTHER_ACCOUNT = "111122223333";
    public static final String ORGANIZATION = "o-xxxxxxxxxx";
    public static final String NAMESPACE = "com.example.internal";

    private static final List<String> DOMAIN_USE = List.of("codeartifact:GetDomainPermissionsPolicy",
            "codeartifact:ListRepositoriesInDomain", "codeartifact:GetAuthorizationToken",
            "codeartifact:DescribeDomain", "codeartifact:CreateRepository");
    private static final List<String> READ = List.of("codeartifact:DescribePackageVersion",
            "codeartifact:DescribeRepository", "codeartifact:GetPackageVersionReadme",
            "codeartifact:GetRepositoryEndpoint", "codeartifact:ListPackageVersionAssets",
            "codeartifact:ListPackageVersionDependencies", "codeartifact:ListPackageVersions",
            "codeartifact:ListPackages", "codeartifact:ReadFromRepository");

    private final String title;
    private final boolean forDomain;

    PolicyTemplate(String title, boolean forDomain) {
        this.title = title;
        this.forDomain = forDomain;
    }

    public String title() {
        return title;
    }

    /** The templates that fit a domain's policy, or a repository's. */
    public static List<PolicyTemplate> forResource(boolean domain) {
        return java.util.Arrays.stream(values()).filter(t -> t.forDomain == domain || t == ORGANIZATION_READ)
                .toList();
    }

    /**
     * The policy for the resource {@code resourceArn} (a domain's or a repository's ARN), formatted.
     *
     * @throws IllegalArgumentException when {@code resourceArn} is not a CodeArtifact ARN
     */
    public String render(String resourceArn) {
        String[] parts = resourceArn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("codeartifact")) {
            throw new IllegalArgumentException("Not a CodeArtifact ARN: " + resourceArn);
        }
        String partition = parts[1];
        String account = parts[4];
        String statement = switch (this) {
            case BASIC_DOMAIN -> statement("BasicDomainPolicy", "Allow", aws(partition, OTHER_ACCOUNT, "root"),
                    DOMAIN_USE, "\"*\"", "");
            case ORGANIZATION_READ -> statement(forDomain(resourceArn) ? "DomainPolicyForOrganization"
                            : "ReadForOrganization", "Allow", "\"*\"", forDomain(resourceArn) ? DOMAIN_USE : READ,
                    "\"*\"", ", \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": [\"" + ORGANIZATION
                            + "\"]}}");
            case CROSS_ACCOUNT_READ -> statement("CrossAccountRead", "Allow", aws(partition, OTHER_ACCOUNT, "root"),
                    READ, "\"*\"", "");
            case CI_PUBLISHER -> statement("CiPublisher", "Allow", aws(partition, account, "role/ci-publisher"),
                    List.of("codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata",
                            "codeartifact:ReadFromRepository"), "\"*\"", "");
            case DENY_NAMESPACE_PUBLISH -> statement("DenyPublishToNamespace", "Deny", "\"*\"",
                    List.of("codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata"),
                    "\"" + packages(resourceArn) + "\"", "");
        };
        return PolicyFormatter.formatOrKeep("{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}");
    }

    private static boolean forDomain(String resourceArn) {
        return resourceArn.split(":", 6)[5].startsWith("domain/");
    }

    /** {@code arn:aws:codeartifact:R:A:package/D/REPO/*}{@code /NAMESPACE/*}: every package of the namespace. */
    private static String packages(String resourceArn) {
        String[] parts = resourceArn.split(":", 6);
        String path = parts[5].startsWith("repository/") ? parts[5].substring("repository/".length())
                : parts[5].substring("domain/".length()) + "/*";
        return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "package/" + path + "/*/"
                + NAMESPACE + "/*");
    }

    private static String aws(String partition, String account, String name) {
        return "{\"AWS\": \"arn:" + partition + ":iam::" + account + ":" + name + "\"}";
    }

    private static String statement(String sid, String effect, String principal, List<String> actions,
                                    String resource, String rest) {
        String actionList = String.join(", ", actions.stream().map(a -> "\"" + a + "\"").toList());
        return "{\"Sid\": \"" + sid + "\", \"Effect\": \"" + effect + "\", \"Principal\": " + principal
                + ", \"Action\": [" + actionList + "], \"Resource\": " + resource + rest + "}";
    }
}

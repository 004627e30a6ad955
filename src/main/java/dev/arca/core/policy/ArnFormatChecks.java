package dev.arca.core.policy;

import dev.arca.core.policy.CodeArtifactActions.ResourceType;
import dev.arca.core.policy.json.JsonValue.JsonString;
import java.util.Optional;
import java.util.Set;

/** The ARN format checks of policies.md §4.2 for Resource values, with CodeArtifact's formats (§3.1) and C8 (':' vs '/'). */
final class ArnFormatChecks {

    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");
    static final String REGION = "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]";
    private static final String FORMATS = "domain/DOMAIN, repository/DOMAIN/REPOSITORY, "
            + "package/DOMAIN/REPOSITORY/FORMAT/NAMESPACE/NAME or package-group/DOMAIN/PATTERN";

    private final PolicyType type;
    private final LintFindings findings;

    ArnFormatChecks(PolicyType type, LintFindings findings) {
        this.type = type;
        this.findings = findings;
    }

    void resource(JsonString resource) {
        String value = resource.value();
        if (value.equals("*")) {
            return;
        }
        if (!value.startsWith("arn:")) {
            findings.add(FindingType.ERROR, "INVALID_ARN_PREFIX", "A resource is \"*\" or an ARN starting with "
                    + "\"arn:\".", resource);
            return;
        }
        String[] fields = value.split(":", 6);
        if (fields.length < 6) {
            findings.add(FindingType.ERROR, "MISSING_ARN_FIELD", "An ARN has six fields: "
                    + "arn:partition:service:region:account:resource.", resource);
            return;
        }
        String partition = fields[1];
        String service = fields[2];
        if (!PARTITIONS.contains(partition) && !ActionResourceChecks.hasWildcard(partition)) {
            findings.add(FindingType.ERROR, "INVALID_PARTITION", "\"" + partition + "\" is not a partition (aws, "
                    + "aws-cn, aws-us-gov).", resource);
        }
        if (ActionResourceChecks.hasWildcard(service)) {
            findings.add(FindingType.ERROR, "INVALID_SERVICE", "Wildcards are not allowed in an ARN's service.",
                    resource);
            return;
        }
        if (!service.equals(service.toLowerCase(java.util.Locale.ROOT))) {
            findings.add(FindingType.ERROR, "INVALID_ARN_SERVICE_CASE", "The service in an ARN is lowercase: "
                    + service.toLowerCase(java.util.Locale.ROOT) + ".", resource);
            return;
        }
        if (service.equals(CodeArtifactActions.SERVICE)) {
            codeArtifact(resource, fields[3], fields[4], fields[5]);
            return;
        }
        if (type == PolicyType.RESOURCE_POLICY) {
            findings.add(FindingType.ERROR, "UNSUPPORTED_RESOURCE_ARN_IN_POLICY", "A CodeArtifact resource policy only "
                    + "covers CodeArtifact resources; this " + service + " ARN never matches.", resource);
        } else if (!fields[4].isEmpty() && !fields[4].matches("[0-9]{12}|aws")
                && !ActionResourceChecks.hasWildcard(fields[4])) {
            findings.add(FindingType.ERROR, "INVALID_ARN_ACCOUNT", "The account in an ARN is 12 digits.", resource);
        }
    }

    private void codeArtifact(JsonString resource, String region, String account, String rest) {
        if (region.isEmpty()) {
            findings.add(FindingType.ERROR, "MISSING_ARN_REGION", "CodeArtifact ARNs name a Region, e.g. "
                    + "arn:aws:codeartifact:us-east-1:111122223333:domain/my-domain.", resource);
        } else if (!region.matches(REGION) && !ActionResourceChecks.hasWildcard(region)) {
            findings.add(FindingType.ERROR, "INVALID_ARN_REGION", "\"" + region + "\" is not a Region.", resource);
        }
        if (!account.matches("[0-9]{12}") && !ActionResourceChecks.hasWildcard(account)) {
            findings.add(FindingType.ERROR, "INVALID_ARN_ACCOUNT", "The account in a CodeArtifact ARN is the domain "
                    + "owner's 12-digit id.", resource);
        }
        resourcePart(rest).ifPresent(problem -> findings.add(FindingType.ERROR, "INVALID_ARN_RESOURCE", problem,
                resource));
    }

    /** What is wrong with the part after the account, if anything. */
    static Optional<String> resourcePart(String rest) {
        int slash = rest.indexOf('/');
        String word = slash < 0 ? rest : rest.substring(0, slash);
        if (ActionResourceChecks.hasWildcard(word)) {
            return Optional.empty();
        }
        Optional<ResourceType> resourceType = ResourceType.byArnName(word);
        if (resourceType.isEmpty()) {
            String colonWord = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : "";
            return Optional.of(ResourceType.byArnName(colonWord).isPresent()
                    ? "CodeArtifact separates the resource type with '/', not ':' (" + colonWord + "/…)."
                    : "\"" + word + "\" is not a CodeArtifact resource type; expected " + FORMATS + ".");
        }
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (rest.indexOf(':', slash) >= 0 && resourceType.get() != ResourceType.PACKAGE_GROUP) {
            return Optional.of("CodeArtifact separates names in an ARN with '/', not ':' ("
                    + resourceType.get().arnName() + "/" + path.replace(':', '/') + ").");
        }
        if (ActionResourceChecks.hasWildcard(path)) {
            return Optional.empty();
        }
        String[] names = path.split("/", -1);
        boolean ok = switch (resourceType.get()) {
            case DOMAIN -> names.length == 1 && !names[0].isEmpty();
            case REPOSITORY -> names.length == 2 && !names[0].isEmpty() && !names[1].isEmpty();
            // The namespace (names[3]) may be empty: package/d/r/npm//react (§3.1).
            case PACKAGE -> names.length == 5 && !names[0].isEmpty() && !names[1].isEmpty() && !names[2].isEmpty()
                    && !names[4].isEmpty();
            case PACKAGE_GROUP -> names.length >= 2 && !names[0].isEmpty();
        };
        return ok ? Optional.empty() : Optional.of("A " + resourceType.get().arnName() + " ARN ends in "
                + switch (resourceType.get()) {
                    case DOMAIN -> "domain/DOMAIN";
                    case REPOSITORY -> "repository/DOMAIN/REPOSITORY";
                    case PACKAGE -> "package/DOMAIN/REPOSITORY/FORMAT/NAMESPACE/NAME (empty NAMESPACE when none)";
                    case PACKAGE_GROUP -> "package-group/DOMAIN/PATTERN";
                } + ".");
    }
}

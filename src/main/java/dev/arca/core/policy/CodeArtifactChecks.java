package dev.arca.core.policy;

import dev.arca.core.Arns.ResourceArn;
import dev.arca.core.policy.CodeArtifactActions.AccessLevel;
import dev.arca.core.policy.CodeArtifactActions.Action;
import dev.arca.core.policy.CodeArtifactActions.ConditionKeySupport;
import dev.arca.core.policy.CodeArtifactActions.ResourceType;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The CodeArtifact-specific lints of policies.md §4.5 (C1–C5, C7, C9), derived from §3, and the bearer-token hint. */
final class CodeArtifactChecks {

    private static final String BEARER_TOKEN = "sts:GetServiceBearerToken";
    /** Create actions the SAR gives no resource type but CodeArtifact authorizes against the domain (§3.2 Decision). */
    private static final Set<String> CREATE_IN_DOMAIN = Set.of("CreateRepository", "CreatePackageGroup");

    private final PolicyType type;
    private final Optional<ResourceArn> attachedTo;
    private final LintFindings findings;

    CodeArtifactChecks(PolicyType type, Optional<ResourceArn> attachedTo, LintFindings findings) {
        this.type = type;
        this.attachedTo = attachedTo;
        this.findings = findings;
    }

    void document(List<StatementElements> statements) {
        for (StatementElements statement : statements) {
            statement(statement);
        }
        if (type == PolicyType.IDENTITY_POLICY) {
            bearerTokenHint(statements);
        }
    }

    private void statement(StatementElements statement) {
        if (!statement.notAction()) {
            for (JsonString action : statement.actions()) {
                namedAction(action).ifPresent(a -> namedActionChecks(statement, action, a));
            }
            tagKeysForActions(statement);
        }
        if (!statement.notResource()) {
            attachedTo.ifPresent(target -> statement.resources().forEach(r -> resourceInTarget(r, target)));
        }
        if (type == PolicyType.RESOURCE_POLICY && statement.allows() && statement.principalIsEveryone()
                && !statement.hasConditions()) {
            publicAccess(statement);
        }
    }

    private void namedActionChecks(StatementElements statement, JsonString at, Action action) {
        if (!statement.notResource() && !statement.resources().isEmpty()
                && statement.resources().stream().noneMatch(r -> couldName(r.value(), action))) {
            findings.add(FindingType.ERROR, "RESOURCE_MISMATCH", mismatchDetail(action), at);
        }
        if (attachedTo.filter(t -> t.type().equals("repository")).isPresent()
                && !accepted(action).contains(ResourceType.REPOSITORY) && !accepted(action).contains(ResourceType.PACKAGE)) {
            findings.add(FindingType.ERROR, "UNSUPPORTED_ACTION_IN_POLICY", action.qualifiedName() + " is not "
                    + "authorized on a repository or its packages, so a repository policy can never decide it; "
                    + "grant it in the domain policy.", at);
        }
        if (type == PolicyType.RESOURCE_POLICY && statement.allows() && action.name().startsWith("Put")
                && action.name().endsWith("PermissionsPolicy")) {
            findings.add(FindingType.WARNING, "PERMISSIONS_POLICY_GRANT_IGNORED", "CodeArtifact ignores a resource's "
                    + "own policy when that policy is replaced, so this grant of " + action.qualifiedName()
                    + " has no effect; grant it in an identity policy.", at);
        }
    }

    private static String mismatchDetail(Action action) {
        String types = String.join(" or ", accepted(action).stream().map(ResourceType::arnName).toList());
        if (action.name().equals("ReadFromRepository")) {
            return "ReadFromRepository is authorized on the repository ARN; a package ARN cannot narrow reads "
                    + "(a principal reads all packages of a repository or none), so this never matches.";
        }
        if (action.resourceTypes().isEmpty() && !CREATE_IN_DOMAIN.contains(action.name())) {
            return action.qualifiedName() + " takes no resource; only \"*\" in Resource matches it.";
        }
        return action.qualifiedName() + " is authorized on " + types + " ARNs (" + (accepted(action)
                .contains(ResourceType.PACKAGE) ? "…:package/DOMAIN/REPOSITORY/FORMAT/NAMESPACE/NAME" : "…:" + types
                + "/…") + "); no Resource in this statement can match it.";
    }

    /**
     * C7, from the action table: a tag key that none of the statement's CodeArtifact actions supports is never present,
     * so the condition never holds (aws:ResourceTag on packages, aws:RequestTag outside Create and TagResource, …).
     */
    private void tagKeysForActions(StatementElements statement) {
        boolean onlyCodeArtifact = statement.actions().stream().allMatch(a -> !a.value().equals("*")
                && a.value().toLowerCase(Locale.ROOT).startsWith(CodeArtifactActions.SERVICE + ":"));
        List<Action> actions = statement.actions().stream()
                .flatMap(a -> CodeArtifactActions.matching(a.value()).stream()).distinct().toList();
        if (!onlyCodeArtifact || actions.isEmpty() || statement.condition().isEmpty()) {
            return;
        }
        for (Member operator : statement.condition().get().members()) {
            if (!(operator.value() instanceof JsonObject keys) || operator.key().startsWith("Null")) {
                continue;
            }
            for (Member key : keys.members()) {
                tagKey(key.key()).filter(k -> actions.stream().noneMatch(a -> a.conditionKeys().contains(k)))
                        .ifPresent(k -> findings.addAtKey(FindingType.ERROR, "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
                                key.key() + " is never present for " + (actions.size() == 1
                                        ? actions.get(0).qualifiedName() : "these actions")
                                        + (actions.stream().allMatch(Action::packageOnly) ? " (packages carry no tags)"
                                        : "") + ", so this condition never holds.", keys, key));
            }
        }
    }

    private static Optional<ConditionKeySupport> tagKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws:resourcetag/")) {
            return Optional.of(ConditionKeySupport.RESOURCE_TAG);
        }
        if (lower.startsWith("aws:requesttag/")) {
            return Optional.of(ConditionKeySupport.REQUEST_TAG);
        }
        return lower.equals("aws:tagkeys") ? Optional.of(ConditionKeySupport.TAG_KEYS) : Optional.empty();
    }

    /** C4: a resource ARN that can never name the attached domain or repository, or something inside it. */
    private void resourceInTarget(JsonString resource, ResourceArn target) {
        String[] fields = resource.value().split(":", 6);
        if (fields.length < 6 || !fields[2].equals(CodeArtifactActions.SERVICE)) {
            return;
        }
        String[] path = fields[5].split("/", -1);
        String word = path[0];
        boolean anyType = ActionResourceChecks.hasWildcard(word);
        boolean repositoryTarget = target.type().equals("repository");
        boolean sameDomain = WildcardPattern.matches(fields[3], target.region())
                && WildcardPattern.matches(fields[4], target.owner())
                && (anyType || path.length < 2 || WildcardPattern.matches(path[1], target.domain()));
        boolean typeFits = !repositoryTarget || anyType || word.equals("repository") || word.equals("package");
        boolean sameRepository = !repositoryTarget || anyType || path.length < 3
                || WildcardPattern.matches(path[2], target.repository().orElse(""));
        if (!sameDomain || !sameRepository || !typeFits) {
            findings.add(FindingType.ERROR, "UNSUPPORTED_RESOURCE_ARN_IN_POLICY", "This policy is attached to "
                    + target.type() + " " + target.domain() + target.repository().map(r -> "/" + r).orElse("") + " in "
                    + target.region() + ", account " + target.owner() + "; this ARN names something else, so the "
                    + "statement never applies to it.", resource);
        }
    }

    /** C9: Allow to everyone, anonymous callers included, with no condition narrowing it. */
    private void publicAccess(StatementElements statement) {
        boolean writes = statement.notAction() || statement.actions().stream()
                .flatMap(a -> a.value().equals("*") ? CodeArtifactActions.all().stream()
                        : CodeArtifactActions.matching(a.value()).stream())
                .anyMatch(a -> a.accessLevel() != AccessLevel.READ && a.accessLevel() != AccessLevel.LIST);
        JsonObject at = statement.statement();
        findings.add(FindingType.SECURITY_WARNING, writes ? "PUBLIC_WRITE_ACCESS" : "PUBLIC_ACCESS",
                (writes ? "Anyone, anonymous callers included, may change this resource (e.g. publish packages)"
                        : "Anyone, anonymous callers included, gets this access")
                        + ": name principals, or add a condition such as aws:PrincipalOrgID.",
                statement.principal().map(p -> Finding.Location.of(p)).orElse(Finding.Location.of(at)));
    }

    /** Identity policies: GetAuthorizationToken also needs sts:GetServiceBearerToken (§3.4). */
    private void bearerTokenHint(List<StatementElements> statements) {
        boolean grantsBearer = statements.stream().filter(StatementElements::allows).anyMatch(s -> s.notAction()
                ? s.actions().stream().noneMatch(a -> WildcardPattern.matches(a.value(), BEARER_TOKEN, true))
                : s.actions().stream().anyMatch(a -> WildcardPattern.matches(a.value(), BEARER_TOKEN, true)));
        if (grantsBearer) {
            return;
        }
        statements.stream().filter(s -> s.allows() && !s.notAction()).flatMap(s -> s.actions().stream())
                .filter(a -> !a.value().equals("*")
                        && WildcardPattern.matches(a.value(), "codeartifact:GetAuthorizationToken", true))
                .findFirst().ifPresent(a -> findings.add(FindingType.SUGGESTION, "MISSING_SERVICE_BEARER_TOKEN_PERMISSION",
                        "GetAuthorizationToken also needs sts:GetServiceBearerToken (Resource \"*\", condition "
                                + "sts:AWSServiceName = codeartifact.amazonaws.com); no statement here allows it.", a));
    }

    private static Optional<Action> namedAction(JsonString action) {
        String value = action.value();
        int colon = value.indexOf(':');
        if (colon < 0 || !value.substring(0, colon).equalsIgnoreCase(CodeArtifactActions.SERVICE)
                || ActionResourceChecks.hasWildcard(value)) {
            return Optional.empty();
        }
        return CodeArtifactActions.byName(value.substring(colon + 1));
    }

    /** The resource types an action may be authorized on, including the domain for the Create actions (§3.2 Decision). */
    private static Set<ResourceType> accepted(Action action) {
        return CREATE_IN_DOMAIN.contains(action.name()) ? EnumSet.of(ResourceType.DOMAIN)
                : action.resourceTypes().isEmpty() ? EnumSet.noneOf(ResourceType.class)
                : EnumSet.copyOf(action.resourceTypes());
    }

    /** Whether a Resource value could name a resource the action is authorized on; malformed ARNs are given the benefit
     *  of the doubt (they are reported elsewhere). */
    private static boolean couldName(String resource, Action action) {
        if (resource.equals("*")) {
            return true;
        }
        String[] fields = resource.split(":", 6);
        if (fields.length < 6 || !resource.startsWith("arn:")) {
            return true;
        }
        if (!WildcardPattern.matches(fields[2], CodeArtifactActions.SERVICE)) {
            return false;
        }
        String word = fields[5].contains("/") ? fields[5].substring(0, fields[5].indexOf('/')) : fields[5];
        if (ResourceType.byArnName(word).isEmpty() && !ActionResourceChecks.hasWildcard(word)) {
            return true;
        }
        return Arrays.stream(ResourceType.values()).filter(accepted(action)::contains)
                .anyMatch(t -> WildcardPattern.matches(word, t.arnName())
                        || word.endsWith("*") && WildcardPattern.matches(word, t.arnName() + "/x"));
    }
}

package dev.arca.core.policy;

import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The Action/NotAction and Resource/NotResource checks of policies.md §4.2, plus §4.5 C6 (foreign actions). */
final class ActionResourceChecks {

    /** STS actions, for typos in the one STS action CodeArtifact users write (sts:GetServiceBearerToken, §3.4). */
    private static final Set<String> STS_ACTIONS = Set.of("AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity",
            "AssumeRoot", "DecodeAuthorizationMessage", "GetAccessKeyInfo", "GetCallerIdentity", "GetFederationToken",
            "GetServiceBearerToken", "GetSessionToken", "SetContext", "SetSourceIdentity", "TagSession");

    private final PolicyType type;
    private final LintFindings findings;

    ActionResourceChecks(PolicyType type, LintFindings findings) {
        this.type = type;
        this.findings = findings;
    }

    /** The values of Action or NotAction, checked; a missing element is reported. */
    List<JsonString> actions(JsonObject statement) {
        Optional<String> element = Stream.of("Action", "NotAction").filter(e -> statement.get(e).isPresent()).findFirst();
        if (element.isEmpty()) {
            findings.add(FindingType.ERROR, "MISSING_ACTION", "The statement needs Action or NotAction.", statement);
            return List.of();
        }
        List<JsonString> actions = findings.strings(statement.get(element.get()).orElseThrow(), element.get(),
                "EMPTY_ARRAY_ACTION");
        actions.forEach(this::action);
        redundant(actions, "REDUNDANT_ACTION", true);
        return actions;
    }

    /** The values of Resource or NotResource, checked; a missing element is reported. */
    List<JsonString> resources(JsonObject statement) {
        Optional<String> element = Stream.of("Resource", "NotResource").filter(e -> statement.get(e).isPresent())
                .findFirst();
        if (element.isEmpty()) {
            findings.add(FindingType.ERROR, "MISSING_RESOURCE", "The statement needs Resource or NotResource (\"*\" "
                    + "for everything the policy covers).", statement);
            return List.of();
        }
        List<JsonString> resources = findings.strings(statement.get(element.get()).orElseThrow(), element.get(),
                "EMPTY_ARRAY_RESOURCE");
        ArnFormatChecks arns = new ArnFormatChecks(type, findings);
        resources.forEach(arns::resource);
        redundant(resources, "REDUNDANT_RESOURCE", false);
        return resources;
    }

    private void action(JsonString action) {
        String value = action.value();
        if (value.equals("*")) {
            return;
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            findings.add(FindingType.ERROR, "INVALID_ACTION", "\"" + value + "\" is not an action: write "
                    + "service:ActionName, e.g. codeartifact:ReadFromRepository.", action);
            return;
        }
        String service = value.substring(0, colon);
        String name = value.substring(colon + 1);
        if (service.contains("*") || service.contains("?")) {
            findings.add(FindingType.SUGGESTION, "WILDCARD_IN_SERVICE_NAME", "A wildcard in the service name matches "
                    + "actions of services you may not mean; name the service.", action);
        } else if (!service.matches("[A-Za-z0-9-]+")) {
            findings.add(FindingType.ERROR, "INVALID_SERVICE_IN_ACTION", "\"" + service + "\" is not a service "
                    + "prefix.", action);
            return;
        }
        if (service.equalsIgnoreCase(CodeArtifactActions.SERVICE)) {
            codeArtifactAction(action, name);
        } else if (service.equalsIgnoreCase("sts") && !hasWildcard(name)
                && STS_ACTIONS.stream().noneMatch(a -> a.equalsIgnoreCase(name))) {
            findings.add(FindingType.ERROR, "INVALID_ACTION", "sts:" + name + " does not exist." + didYouMean(name,
                    STS_ACTIONS.stream().map(a -> "sts:" + a).toList()), action);
        }
        if (type == PolicyType.RESOURCE_POLICY && !WildcardPattern.matches(service, CodeArtifactActions.SERVICE, true)) {
            String hint = value.equalsIgnoreCase("sts:GetServiceBearerToken")
                    ? " Grant sts:GetServiceBearerToken in the caller's identity policy; CodeArtifact never reads it "
                    + "from a domain or repository policy."
                    : "";
            findings.add(FindingType.ERROR, "UNSUPPORTED_ACTION_IN_POLICY", value + " is not a CodeArtifact action, "
                    + "so a CodeArtifact resource policy can never grant or deny it." + hint, action);
        }
    }

    private void codeArtifactAction(JsonString action, String name) {
        if (hasWildcard(name)) {
            if (CodeArtifactActions.matching(action.value()).isEmpty()) {
                findings.add(FindingType.ERROR, "INVALID_ACTION", "\"" + action.value() + "\" matches no CodeArtifact "
                        + "action.", action);
            }
            return;
        }
        if (CodeArtifactActions.byName(name).isEmpty()) {
            findings.add(FindingType.ERROR, "INVALID_ACTION", "codeartifact:" + name + " does not exist."
                    + didYouMean(name, CodeArtifactActions.all().stream().map(CodeArtifactActions.Action::qualifiedName)
                    .toList()), action);
        }
    }

    /** Duplicates, and values another value of the same element already covers by wildcard. */
    private void redundant(List<JsonString> values, String code, boolean ignoreCase) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i).value();
            for (int j = 0; j < values.size(); j++) {
                String other = values.get(j).value();
                boolean same = ignoreCase ? other.equalsIgnoreCase(value) : other.equals(value);
                if (j != i && (same ? j < i : WildcardPattern.matches(other, value, ignoreCase))) {
                    findings.add(FindingType.SUGGESTION, code, "\"" + value + "\" is already covered by \"" + other
                            + "\" in the same statement.", values.get(i));
                    break;
                }
            }
        }
    }

    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** " Did you mean X?" with the closest known name by edit distance, or nothing when none is close. */
    static String didYouMean(String name, List<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        // A truncated name (ReadFromRepo) is the commonest slip: suggest the shortest completion first.
        Optional<String> completion = known.stream()
                .filter(k -> lower.length() >= 4 && k.substring(k.indexOf(':') + 1).toLowerCase(Locale.ROOT)
                        .startsWith(lower))
                .min(Comparator.comparingInt(String::length));
        if (completion.isPresent()) {
            return " Did you mean " + completion.get() + "?";
        }
        return known.stream()
                .min(Comparator.comparingInt(k -> editDistance(lower, k.substring(k.indexOf(':') + 1)
                        .toLowerCase(Locale.ROOT))))
                .filter(k -> editDistance(lower, k.substring(k.indexOf(':') + 1).toLowerCase(Locale.ROOT))
                        <= Math.max(2, name.length() / 3))
                .map(k -> " Did you mean " + k + "?").orElse("");
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

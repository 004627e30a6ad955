package dev.arca.core.policy;

import dev.arca.core.policy.ConditionOperator.Family;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The global condition keys the linter knows (policies.md §2.4, §2.5, IAM-GCK): which exist, their types, which are multi-valued. */
final class ConditionKeys {

    static final Set<String> MULTI_VALUED = lower(Set.of("aws:TagKeys", "aws:PrincipalOrgPaths", "aws:CalledVia",
            "aws:PrincipalServiceNamesList", "aws:SourceOrgPaths", "aws:ResourceOrgPaths"));
    static final Set<String> TAG_PREFIXES = lower(Set.of("aws:PrincipalTag/", "aws:RequestTag/", "aws:ResourceTag/"));
    private static final Set<String> STRING_KEYS = lower(Set.of("aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast",
            "aws:FederatedProvider", "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
            "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList", "aws:PrincipalType", "aws:Referer",
            "aws:RequestedRegion", "aws:SourceAccount", "aws:SourceIdentity", "aws:SourceOrgID", "aws:SourceOrgPaths",
            "aws:SourceVpc", "aws:SourceVpce", "aws:TagKeys", "aws:UserAgent", "aws:userid", "aws:username",
            "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths", "sts:AWSServiceName"));
    private static final Map<String, Set<Family>> TYPED = Map.ofEntries(
            Map.entry("aws:currenttime", Set.of(Family.DATE)),
            Map.entry("aws:epochtime", Set.of(Family.DATE, Family.NUMERIC)),
            Map.entry("aws:tokenissuetime", Set.of(Family.DATE)),
            Map.entry("aws:securetransport", Set.of(Family.BOOL)),
            Map.entry("aws:multifactorauthpresent", Set.of(Family.BOOL)),
            Map.entry("aws:principalisawsservice", Set.of(Family.BOOL)),
            Map.entry("aws:viaawsservice", Set.of(Family.BOOL)),
            Map.entry("aws:multifactorauthage", Set.of(Family.NUMERIC)),
            Map.entry("sts:durationseconds", Set.of(Family.NUMERIC)),
            Map.entry("aws:sourceip", Set.of(Family.IP)),
            Map.entry("aws:vpcsourceip", Set.of(Family.IP)),
            Map.entry("aws:principalarn", Set.of(Family.ARN, Family.STRING)),
            Map.entry("aws:sourcearn", Set.of(Family.ARN, Family.STRING)));
    private static final Set<String> KNOWN_GLOBAL = Set.copyOf(java.util.stream.Stream.concat(
            STRING_KEYS.stream(), TYPED.keySet().stream()).filter(k -> k.startsWith("aws:")).toList());

    private ConditionKeys() {
    }

    /** Whether an {@code aws:} key exists (tag keys by prefix); empty answer for other services' keys. */
    static boolean isKnownGlobal(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return KNOWN_GLOBAL.contains(lower) || TAG_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    static boolean isMultiValued(String key) {
        return MULTI_VALUED.contains(key.toLowerCase(Locale.ROOT));
    }

    /** Whether the linter knows the key to be single-valued (so ForAllValues on it is a trap). */
    static boolean isKnownSingleValued(String key) {
        return !isMultiValued(key) && (isKnownGlobal(key) || TYPED.containsKey(key.toLowerCase(Locale.ROOT))
                || STRING_KEYS.contains(key.toLowerCase(Locale.ROOT)));
    }

    /** The operator families that suit the key, when the linter knows its type (String for string keys). */
    static Optional<Set<Family>> families(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (TYPED.containsKey(lower)) {
            return Optional.of(TYPED.get(lower));
        }
        if (STRING_KEYS.contains(lower) || TAG_PREFIXES.stream().anyMatch(lower::startsWith)) {
            return Optional.of(Set.of(Family.STRING));
        }
        return Optional.empty();
    }

    private static Set<String> lower(Set<String> keys) {
        return keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}

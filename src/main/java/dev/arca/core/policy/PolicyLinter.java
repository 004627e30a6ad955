package dev.arca.core.policy;

import dev.arca.core.Arns;
import dev.arca.core.Arns.ResourceArn;
import dev.arca.core.policy.Finding.Location;
import dev.arca.core.policy.json.JsonPath;
import dev.arca.core.policy.json.JsonReader;
import dev.arca.core.policy.json.JsonSyntaxException;
import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonArray;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import dev.arca.core.policy.json.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a CodeArtifact policy document like IAM Access Analyzer's ValidatePolicy (policies.md §4.2) plus the
 * CodeArtifact checks of §4.5. Never throws on bad input: malformed JSON is itself a finding.
 */
public final class PolicyLinter {

    /** CodeArtifact's {@code PolicyDocument} maximum, in UTF-16 code units (§6 Decision). */
    public static final int RESOURCE_POLICY_MAX_LENGTH = 7168;
    /** IAM's managed-policy quota, whitespace not counted (IAM-QUOTAS). */
    public static final int IDENTITY_POLICY_MAX_LENGTH = 6144;

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");

    private PolicyLinter() {
    }

    /** Lints {@code policyText} as a policy of {@code type}, not knowing which resource it is attached to. */
    public static List<Finding> lint(String policyText, PolicyType type) {
        return run(policyText, type, Optional.empty());
    }

    /** Lints a resource policy attached to the domain or repository {@code attachedToArn}; this also finds statements
     *  that can never apply there (§4.5 C3, C4). An ARN that is not a domain or repository is ignored. */
    public static List<Finding> lint(String policyText, PolicyType type, String attachedToArn) {
        return run(policyText, type, Arns.parse(attachedToArn)
                .filter(a -> a.type().equals("domain") || a.type().equals("repository")));
    }

    private static List<Finding> run(String policyText, PolicyType type, Optional<ResourceArn> attachedTo) {
        Objects.requireNonNull(policyText, "policyText");
        Objects.requireNonNull(type, "type");
        LintFindings findings = new LintFindings();
        checkSize(policyText, type, findings);
        JsonValue root;
        try {
            root = JsonReader.read(policyText);
        } catch (JsonSyntaxException e) {
            Position at = e.position();
            findings.add(FindingType.ERROR, "JSON_SYNTAX_ERROR", e.getMessage() + ".",
                    new Location(JsonPath.ROOT, at, new Position(at.line(), at.column() + 1, at.offset() + 1)));
            return findings.all();
        }
        new PolicyLinter.Run(type, attachedTo, findings).document(root);
        return findings.all();
    }

    private static void checkSize(String text, PolicyType type, LintFindings findings) {
        if (type == PolicyType.RESOURCE_POLICY && text.length() > RESOURCE_POLICY_MAX_LENGTH) {
            findings.add(FindingType.ERROR, "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA", "The policy has "
                    + text.codePointCount(0, text.length()) + " characters; CodeArtifact accepts at most "
                    + RESOURCE_POLICY_MAX_LENGTH + ", whitespace included.", wholeText(text));
        }
        long significant = text.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (type == PolicyType.IDENTITY_POLICY && significant > IDENTITY_POLICY_MAX_LENGTH) {
            findings.add(FindingType.WARNING, "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", "The policy has " + significant
                    + " characters besides whitespace; IAM managed policies take at most " + IDENTITY_POLICY_MAX_LENGTH
                    + ".", wholeText(text));
        }
    }

    private static Location wholeText(String text) {
        int lastLineStart = text.lastIndexOf('\n') + 1;
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        return new Location(JsonPath.ROOT, new Position(1, 0, 0),
                new Position(lines, text.length() - lastLineStart, text.length()));
    }

    /** One lint run over a parsed document. */
    private record Run(PolicyType type, Optional<ResourceArn> attachedTo, LintFindings findings) {

        void document(JsonValue root) {
            if (!(root instanceof JsonObject document)) {
                findings.typeMismatch(root, "A policy must be a JSON object");
                return;
            }
            reportUnknownAndDuplicateKeys(document, DOCUMENT_ELEMENTS, "policy");
            document.member("Id").filter(m -> type == PolicyType.IDENTITY_POLICY).ifPresent(m -> findings.addAtKey(
                    FindingType.ERROR, "INVALID_POLICY_ELEMENT", "Id is not allowed in an identity policy.", document, m));
            Optional<String> version = version(document);
            Optional<JsonValue> statement = document.get("Statement");
            if (statement.isEmpty()) {
                findings.add(FindingType.ERROR, "MISSING_STATEMENT", "The policy has no Statement.", document);
                return;
            }
            List<StatementElements> statements = new ArrayList<>();
            switch (statement.get()) {
                case JsonObject single -> statement(single, version).ifPresent(statements::add);
                case JsonArray array -> {
                    if (array.elements().isEmpty()) {
                        findings.add(FindingType.ERROR, "MISSING_STATEMENT", "The Statement array is empty.", array);
                    }
                    for (JsonValue element : array.elements()) {
                        if (element instanceof JsonObject object) {
                            statement(object, version).ifPresent(statements::add);
                        } else {
                            findings.typeMismatch(element, "A statement must be an object");
                        }
                    }
                }
                default -> findings.typeMismatch(statement.get(), "Statement must be an object or an array of objects");
            }
            uniqueSids(statements);
            redundantStatements(statements);
            new CodeArtifactChecks(type, attachedTo, findings).document(statements);
        }

        private Optional<String> version(JsonObject document) {
            Optional<JsonValue> version = document.get("Version");
            if (version.isEmpty()) {
                findings.add(FindingType.WARNING, "MISSING_VERSION", "Add \"Version\": \"2012-10-17\"; without it policy "
                        + "variables are plain text.", document);
                return Optional.empty();
            }
            if (version.get() instanceof JsonString s && VERSIONS.contains(s.value())) {
                return Optional.of(s.value());
            }
            findings.add(FindingType.ERROR, "INVALID_VERSION", "Version must be \"2012-10-17\" (or the older "
                    + "\"2008-10-17\").", version.get());
            return Optional.empty();
        }

        private Optional<StatementElements> statement(JsonObject statement, Optional<String> version) {
            reportUnknownAndDuplicateKeys(statement, STATEMENT_ELEMENTS, "statement");
            statement.get("Sid").ifPresent(this::sid);
            Optional<JsonString> effect = effect(statement);
            exclusive(statement, "Principal", "NotPrincipal");
            exclusive(statement, "Action", "NotAction");
            exclusive(statement, "Resource", "NotResource");
            Optional<JsonValue> principal = statement.get("Principal");
            Optional<JsonValue> notPrincipal = statement.get("NotPrincipal");
            new PrincipalChecks(type, findings).statement(statement, effect, principal, notPrincipal);
            ActionResourceChecks actionsAndResources = new ActionResourceChecks(type, findings);
            List<JsonString> actions = actionsAndResources.actions(statement);
            List<JsonString> resources = actionsAndResources.resources(statement);
            Optional<JsonObject> condition = statement.get("Condition").flatMap(c -> {
                if (c instanceof JsonObject o) {
                    return Optional.of(o);
                }
                findings.typeMismatch(c, "Condition must be an object");
                return Optional.empty();
            });
            StatementElements elements = new StatementElements(statement, effect, principal, notPrincipal, actions,
                    statement.get("NotAction").isPresent(), resources, statement.get("NotResource").isPresent(),
                    condition);
            condition.ifPresent(c -> new ConditionChecks(findings).block(c, elements));
            new PolicyVariableChecks(findings).statement(statement, version);
            return Optional.of(elements);
        }

        private void sid(JsonValue sid) {
            if (!(sid instanceof JsonString s)) {
                findings.typeMismatch(sid, "Sid must be a string");
            } else if (s.value().isEmpty()) {
                findings.add(FindingType.SUGGESTION, "EMPTY_SID_VALUE", "The Sid is empty; remove it or name the "
                        + "statement.", s);
            } else if (!s.value().matches("[A-Za-z0-9]+")) {
                findings.add(FindingType.ERROR, "UNSUPPORTED_SID", "A Sid may only hold letters and digits "
                        + "([A-Za-z0-9]).", s);
            }
        }

        private Optional<JsonString> effect(JsonObject statement) {
            Optional<JsonValue> effect = statement.get("Effect");
            if (effect.isEmpty()) {
                findings.add(FindingType.ERROR, "MISSING_EFFECT", "The statement has no Effect: add \"Allow\" or "
                        + "\"Deny\".", statement);
                return Optional.empty();
            }
            if (effect.get() instanceof JsonString s && (s.value().equals("Allow") || s.value().equals("Deny"))) {
                return Optional.of(s);
            }
            findings.add(FindingType.ERROR, "INVALID_EFFECT", "Effect must be \"Allow\" or \"Deny\" (exactly so "
                    + "written).", effect.get());
            return Optional.empty();
        }

        private void exclusive(JsonObject statement, String element, String negated) {
            if (statement.member(element).isPresent()) {
                statement.member(negated).ifPresent(m -> findings.addAtKey(FindingType.ERROR,
                        "UNSUPPORTED_ELEMENT_COMBINATION", element + " and " + negated + " cannot be used in the same "
                                + "statement.", statement, m));
            }
        }

        private void uniqueSids(List<StatementElements> statements) {
            Map<String, Integer> seen = new HashMap<>();
            for (StatementElements s : statements) {
                s.statement().get("Sid").filter(v -> v instanceof JsonString str && !str.value().isEmpty())
                        .map(JsonString.class::cast).ifPresent(sid -> {
                            if (seen.merge(sid.value(), 1, Integer::sum) == 2) {
                                findings.add(FindingType.WARNING, "UNIQUE_SIDS_RECOMMENDED", "Another statement "
                                        + "already has the Sid \"" + sid.value() + "\"; make each Sid unique.", sid);
                            }
                        });
            }
        }

        /** A statement that repeats an earlier one (its Sid aside) adds nothing. */
        private void redundantStatements(List<StatementElements> statements) {
            List<String> seen = new ArrayList<>();
            for (StatementElements s : statements) {
                String canonical = canonical(new JsonObject(s.statement().members().stream()
                        .filter(m -> !m.key().equals("Sid")).toList(), s.statement().position(), s.statement().end(),
                        s.statement().path()));
                if (seen.contains(canonical)) {
                    findings.add(FindingType.SUGGESTION, "REDUNDANT_STATEMENT", "This statement repeats an earlier one; "
                            + "remove it.", s.statement());
                }
                seen.add(canonical);
            }
        }

        /** The value as compact JSON with object members sorted, for comparing statements as written. */
        private static String canonical(JsonValue value) {
            return switch (value) {
                case JsonObject o -> o.members().stream().sorted(java.util.Comparator.comparing(Member::key))
                        .map(m -> quote(m.key()) + ":" + canonical(m.value()))
                        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
                case JsonArray a -> a.elements().stream().map(Run::canonical)
                        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
                case JsonString str -> quote(str.value());
                case JsonValue.JsonNumber n -> n.text();
                case JsonValue.JsonBool b -> String.valueOf(b.value());
                case JsonValue.JsonNull n -> "null";
            };
        }

        private static String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        private void reportUnknownAndDuplicateKeys(JsonObject object, Set<String> known, String where) {
            Map<String, Integer> seen = new HashMap<>();
            for (Member m : object.members()) {
                if (!known.contains(m.key())) {
                    findings.addAtKey(FindingType.ERROR, "INVALID_POLICY_ELEMENT", "\"" + m.key() + "\" is not a "
                            + where + " element; expected one of " + String.join(", ", known.stream().sorted()
                            .toList()) + ".", object, m);
                } else if (seen.merge(m.key(), 1, Integer::sum) == 2) {
                    findings.addAtKey(FindingType.ERROR, "DUPLICATE_ELEMENT", m.key() + " appears more than once in "
                            + "this " + where + "; IAM refuses the policy.", object, m);
                }
            }
        }
    }
}

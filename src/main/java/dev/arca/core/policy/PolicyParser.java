package dev.arca.core.policy;

import dev.arca.core.ResourceNames;
import dev.arca.core.policy.MalformedPolicyException.PolicyProblem;
import dev.arca.core.policy.json.JsonPath;
import dev.arca.core.policy.json.JsonReader;
import dev.arca.core.policy.json.JsonSyntaxException;
import dev.arca.core.policy.json.JsonValue;
import dev.arca.core.policy.json.JsonValue.JsonArray;
import dev.arca.core.policy.json.JsonValue.JsonObject;
import dev.arca.core.policy.json.JsonValue.JsonString;
import dev.arca.core.policy.json.JsonValue.Member;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy document as IAM does (policies.md §1.1, §6): the grammar, which elements each policy kind allows,
 * and CodeArtifact's size and character rules for resource policies. Anything else throws
 * {@link MalformedPolicyException} naming what is wrong and where.
 */
public final class PolicyParser {

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Pattern IAM_SID = Pattern.compile("[0-9A-Za-z]*");
    private static final Pattern ACTION = Pattern.compile("\\*|[^:\\s]+:[^:\\s]*");

    private PolicyParser() {
    }

    /** Parses {@code text} as a policy of {@code kind}, or throws {@link MalformedPolicyException}. */
    public static PolicyDocument parse(String text, PolicyType kind) {
        if (kind == PolicyType.RESOURCE_POLICY) {
            // CodeArtifact's PolicyDocument shape: 1..7168 UTF-16 units, whitespace included, no control characters.
            ResourceNames.POLICY_DOCUMENT.violation("policyDocument", text).ifPresent(message -> {
                throw new MalformedPolicyException(new PolicyProblem(PolicyProblem.Kind.CONSTRAINT, message,
                        Optional.empty(), Optional.empty()));
            });
        }
        JsonValue root;
        try {
            root = JsonReader.read(text);
        } catch (JsonSyntaxException e) {
            throw new MalformedPolicyException(new PolicyProblem(PolicyProblem.Kind.MALFORMED,
                    "Syntax errors in policy: " + e.detail(), Optional.of(JsonPath.ROOT), Optional.of(e.position())));
        }
        JsonObject document = object(root, "The policy");
        checkMembers(document, TOP_LEVEL);
        Optional<String> version = document.get("Version").map(v -> {
            String s = string(v, "Version");
            if (!s.equals(PolicyDocument.VERSION_2012) && !s.equals(PolicyDocument.VERSION_2008)) {
                throw problem("The policy must contain a valid version string", v);
            }
            return s;
        });
        Optional<String> id = document.get("Id").map(v -> {
            if (kind == PolicyType.IDENTITY_POLICY) {
                throw problem("Policy document should not specify an Id", v);
            }
            return string(v, "Id");
        });
        JsonValue statementValue = document.get("Statement")
                .orElseThrow(() -> problem("Missing required field Statement", document));
        List<JsonValue> statementValues = switch (statementValue) {
            case JsonArray array -> array.elements();
            case JsonObject single -> List.of(single);
            default -> throw problem("Statement must be an object or an array of objects", statementValue);
        };
        if (statementValues.isEmpty()) {
            throw problem("Policy must contain at least one statement", statementValue);
        }
        StatementReader reader = new StatementReader(kind);
        List<Statement> statements = new java.util.ArrayList<>();
        for (int i = 0; i < statementValues.size(); i++) {
            statements.add(reader.read(i, object(statementValues.get(i), "Each statement")));
        }
        if (kind == PolicyType.IDENTITY_POLICY) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < statements.size(); i++) {
                Optional<String> sid = statements.get(i).sid().filter(s -> !s.isEmpty());
                if (sid.isPresent() && !seen.add(sid.get())) {
                    throw problem("Statement IDs (SID) in a single policy must be unique.",
                            ((JsonObject) statementValues.get(i)).get("Sid").orElseThrow());
                }
            }
        }
        return new PolicyDocument(version, id, statements);
    }

    /** Reads one statement; knows the policy kind because it decides whether Principal is required or forbidden. */
    private record StatementReader(PolicyType kind) {

        Statement read(int index, JsonObject statement) {
            checkMembers(statement, STATEMENT);
            Optional<String> sid = statement.get("Sid").map(v -> {
                String s = string(v, "Sid");
                if (kind == PolicyType.IDENTITY_POLICY && !IAM_SID.matcher(s).matches()) {
                    throw problem("Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the "
                            + "regular expression [0-9A-Za-z]*", v);
                }
                return s;
            });
            JsonValue effectValue = statement.get("Effect")
                    .orElseThrow(() -> problem("Missing required field Effect", statement));
            String effectText = string(effectValue, "Effect");
            Effect effect = switch (effectText) {
                case "Allow" -> Effect.ALLOW;
                case "Deny" -> Effect.DENY;
                default -> throw problem("Invalid effect: " + effectText, effectValue);
            };
            Optional<PrincipalElement> principal = principal(statement);
            PatternList actions = patterns(statement, "Action", "NotAction",
                    "Policy statement must contain actions.");
            actions.patterns().forEach(action -> {
                if (!ACTION.matcher(action).matches()) {
                    throw problem("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
                            elementValue(statement, actions.negated() ? "NotAction" : "Action"));
                }
            });
            PatternList resources = patterns(statement, "Resource", "NotResource",
                    "Policy statement must contain resources.");
            resources.patterns().forEach(resource -> {
                if (!resource.equals("*") && (!resource.startsWith("arn:") || resource.split(":", 6).length < 6)) {
                    throw problem("Resource " + resource + " must be in ARN format or \"*\".",
                            elementValue(statement, resources.negated() ? "NotResource" : "Resource"));
                }
            });
            Map<String, Map<String, List<String>>> condition = statement.get("Condition")
                    .map(PolicyParser::condition).orElse(Map.of());
            return new Statement(index, sid, effect, principal, actions, resources, condition,
                    new SourceSpan(statement.path(), statement.position(), statement.end()));
        }

        private Optional<PrincipalElement> principal(JsonObject statement) {
            Optional<JsonValue> principal = statement.get("Principal");
            Optional<JsonValue> notPrincipal = statement.get("NotPrincipal");
            if (principal.isPresent() && notPrincipal.isPresent()) {
                throw problem("Statement cannot contain both Principal and NotPrincipal", notPrincipal.get());
            }
            Optional<JsonValue> given = principal.or(() -> notPrincipal);
            if (kind == PolicyType.IDENTITY_POLICY) {
                given.ifPresent(v -> {
                    throw problem("Policy document should not specify a principal.", v);
                });
                return Optional.empty();
            }
            JsonValue value = given.orElseThrow(() -> problem("Missing required field Principal", statement));
            return Optional.of(new PrincipalElement(notPrincipal.isPresent(), PrincipalReader.read(value)));
        }
    }

    private static PatternList patterns(JsonObject statement, String positive, String negative, String missing) {
        Optional<JsonValue> plain = statement.get(positive);
        Optional<JsonValue> not = statement.get(negative);
        if (plain.isPresent() && not.isPresent()) {
            throw problem("Statement cannot contain both " + positive + " and " + negative, not.get());
        }
        JsonValue value = plain.or(() -> not).orElseThrow(() -> problem(missing, statement));
        return new PatternList(not.isPresent(), strings(value, plain.isPresent() ? positive : negative));
    }

    private static JsonValue elementValue(JsonObject statement, String key) {
        return statement.get(key).orElseThrow();
    }

    private static Map<String, Map<String, List<String>>> condition(JsonValue value) {
        JsonObject block = object(value, "Condition");
        checkNoDuplicateKeys(block);
        Map<String, Map<String, List<String>>> operators = new LinkedHashMap<>();
        for (Member operator : block.members()) {
            JsonObject entries = object(operator.value(), "Condition operator " + operator.key());
            checkNoDuplicateKeys(entries);
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (Member key : entries.members()) {
                keys.put(key.key(), conditionValues(key.value()));
            }
            operators.put(operator.key(), keys);
        }
        return operators;
    }

    private static List<String> conditionValues(JsonValue value) {
        List<JsonValue> items = value instanceof JsonArray array ? array.elements() : List.of(value);
        return items.stream().map(item -> switch (item) {
            case JsonString s -> s.value();
            case JsonValue.JsonNumber n -> n.text();
            case JsonValue.JsonBool b -> String.valueOf(b.value());
            default -> throw problem("Condition values must be strings, numbers or booleans, not " + item.typeName(),
                    item);
        }).toList();
    }

    /** A single string or an array of strings, as the grammar allows wherever it takes a list. */
    static List<String> strings(JsonValue value, String element) {
        List<JsonValue> items = value instanceof JsonArray array ? array.elements() : List.of(value);
        return items.stream().map(item -> string(item, element)).toList();
    }

    static String string(JsonValue value, String element) {
        if (value instanceof JsonString s) {
            return s.value();
        }
        throw problem(element + " must be a string, not " + value.typeName(), value);
    }

    static JsonObject object(JsonValue value, String element) {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw problem(element + " must be a JSON object, not " + value.typeName(), value);
    }

    /** Refuses a key written twice in one object (§1.1). */
    static void checkNoDuplicateKeys(JsonObject object) {
        Set<String> seen = new HashSet<>();
        for (Member member : object.members()) {
            if (!seen.add(member.key())) {
                throw new MalformedPolicyException(new PolicyProblem(PolicyProblem.Kind.MALFORMED,
                        "Duplicate key " + member.key(), Optional.of(member.value().path()),
                        Optional.of(member.keyPosition())));
            }
        }
    }

    /** Refuses a key written twice and any key {@code allowed} does not list. */
    static void checkMembers(JsonObject object, Set<String> allowed) {
        checkNoDuplicateKeys(object);
        for (Member member : object.members()) {
            if (!allowed.contains(member.key())) {
                throw new MalformedPolicyException(new PolicyProblem(PolicyProblem.Kind.MALFORMED,
                        "Unsupported policy element: " + member.key(), Optional.of(member.value().path()),
                        Optional.of(member.keyPosition())));
            }
        }
    }

    static MalformedPolicyException problem(String reason, JsonValue where) {
        return new MalformedPolicyException(new PolicyProblem(PolicyProblem.Kind.MALFORMED, reason,
                Optional.of(where.path()), Optional.of(where.position())));
    }
}

package dev.arca.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A parsed IAM policy document (policies.md §1.1); read one with {@link PolicyParser}. Immutable; what the evaluator
 * asks of every request about the document as a whole (does any condition name a key?) is worked out once here.
 */
public final class PolicyDocument {

    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";
    /**
     * How many actions (and action-caller pairs) a document remembers its statements for: CodeArtifact, STS, IAM and
     * KMS actions together are a few hundred; a simulator may ask for any string, and callers come and go.
     */
    private static final int REMEMBERED_ACTIONS = 1024;

    private final Optional<String> version;
    private final Optional<String> id;
    private final List<Statement> statements;
    /** Every condition key the statements name, lower-cased (keys are case-insensitive). */
    private final Set<String> conditionKeys;
    /** Action → the statements whose Action/NotAction covers it, for the actions asked so far (bounded). */
    private final Map<String, List<Statement>> statementsByAction = new ConcurrentHashMap<>();
    /** (action, caller) → the statements covering the action whose Principal names the caller (bounded). */
    private final Map<ActionAndCaller, List<PrincipalHit>> statementsByCaller = new ConcurrentHashMap<>();

    /** A statement of a resource policy that covers an action, and how its Principal element names the caller. */
    record PrincipalHit(Statement statement, PrincipalMatcher.Match match) {
    }

    private record ActionAndCaller(String action, RequestPrincipal caller) {
    }

    public PolicyDocument(Optional<String> version, Optional<String> id, List<Statement> statements) {
        this.version = Objects.requireNonNull(version, "version");
        this.id = Objects.requireNonNull(id, "id");
        this.statements = List.copyOf(statements);
        this.conditionKeys = this.statements.stream().flatMap(s -> s.condition().values().stream())
                .flatMap(entries -> entries.keySet().stream()).map(key -> key.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<String> version() {
        return version;
    }

    public Optional<String> id() {
        return id;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** Policy variables work only under {@code 2012-10-17}; elsewhere {@code ${…}} is literal text (§1.9). */
    public boolean variablesEnabled() {
        return version.filter(VERSION_2012::equals).isPresent();
    }

    /**
     * The statements whose Action or NotAction element covers {@code action}, in document order. Remembered per
     * action: a server asks about the same few dozen actions for every request.
     */
    public List<Statement> statementsFor(String action) {
        List<Statement> known = statementsByAction.get(action);
        if (known != null) {
            return known;
        }
        List<Statement> covering = statements.stream().filter(s -> s.actions().coversAction(action)).toList();
        if (statementsByAction.size() < REMEMBERED_ACTIONS) {
            statementsByAction.put(action, covering);
        }
        return covering;
    }

    /**
     * For a resource policy: the statements covering {@code action} whose Principal or NotPrincipal element applies
     * to {@code caller}, with how it names the caller, in document order. Remembered per action and caller: a
     * server's requests come from a few principals asking for a few actions.
     */
    List<PrincipalHit> statementsFor(String action, RequestPrincipal caller) {
        ActionAndCaller key = new ActionAndCaller(action, caller);
        List<PrincipalHit> known = statementsByCaller.get(key);
        if (known != null) {
            return known;
        }
        List<PrincipalHit> hits = new ArrayList<>();
        for (Statement statement : statementsFor(action)) {
            PrincipalMatcher.Match match = statement.principal()
                    .map(element -> PrincipalMatcher.match(element, caller)).orElse(PrincipalMatcher.Match.NONE);
            if (match != PrincipalMatcher.Match.NONE) {
                hits.add(new PrincipalHit(statement, match));
            }
        }
        List<PrincipalHit> applying = List.copyOf(hits);
        if (statementsByCaller.size() < REMEMBERED_ACTIONS) {
            statementsByCaller.put(key, applying);
        }
        return applying;
    }

    /** Whether a condition names a key starting with {@code prefix}, compared as IAM compares keys: ignoring case. */
    public boolean namesConditionKeyStartingWith(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        for (String key : conditionKeys) {
            if (key.startsWith(lower)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyDocument that && version.equals(that.version) && id.equals(that.id)
                && statements.equals(that.statements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, id, statements);
    }

    @Override
    public String toString() {
        return "PolicyDocument[version=" + version + ", id=" + id + ", statements=" + statements + "]";
    }
}

package dev.arca.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.core.iam.DecidingStatement;
import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource policies that apply to one request, written as the single {@code ResourcePolicy} IAM's simulator
 * takes. Decision: CodeArtifact evaluates the domain policy for everything in the domain and the repository policy for
 * the repository and its packages, and either may allow or deny (policies.md §3.3); SimulatePrincipalPolicy takes one
 * document, so their statements go into one, each on its own line. The line a matched statement starts on then tells
 * which policy and statement it was, and the answer points at the statement where the user wrote it.
 */
final class CombinedResourcePolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The combined document's first line holds its head; statement k is on line k + 2. */
    private static final int FIRST_STATEMENT_LINE = 2;

    private record Origin(String policy, int statement, SourceSpan span) {
    }

    private final String text;
    private final List<Origin> origins;

    private CombinedResourcePolicy(String text, List<Origin> origins) {
        this.text = text;
        this.origins = List.copyOf(origins);
    }

    /**
     * The policies by name ({@link DecidingStatement#DOMAIN_POLICY}, {@link DecidingStatement#REPOSITORY_POLICY}) as
     * one document; empty when none is given.
     *
     * @throws GatewayException when one is not a valid resource policy (the sentence names it and the place)
     */
    static Optional<CombinedResourcePolicy> of(Map<String, String> policies) {
        List<String> lines = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        String version = "2012-10-17";
        for (Map.Entry<String, String> policy : new LinkedHashMap<>(policies).entrySet()) {
            List<SourceSpan> spans = spans(policy.getKey(), policy.getValue());
            JsonNode root = tree(policy.getKey(), policy.getValue());
            if (root.path("Version").asText("").equals("2008-10-17")) {
                version = "2008-10-17"; // policy variables stay literal text, as in the policy that says so
            }
            JsonNode statements = root.path("Statement");
            List<JsonNode> each = new ArrayList<>();
            if (statements.isArray()) {
                statements.forEach(each::add);
            } else {
                each.add(statements);
            }
            for (int i = 0; i < each.size(); i++) {
                lines.add(each.get(i).toString());
                origins.add(new Origin(policy.getKey(), i, spans.get(i)));
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String text = "{\"Version\":\"" + version + "\",\"Statement\":[\n" + String.join(",\n", lines) + "\n]}";
        return Optional.of(new CombinedResourcePolicy(text, origins));
    }

    private static List<SourceSpan> spans(String name, String text) {
        try {
            return PolicyParser.parse(text, PolicyType.RESOURCE_POLICY).statements().stream()
                    .map(s -> s.span()).toList();
        } catch (MalformedPolicyException e) {
            throw new GatewayException("The " + name + " is not a valid resource policy: "
                    + e.problem().describe(), Optional.empty(), e);
        }
    }

    private static JsonNode tree(String name, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new GatewayException("The " + name + " is not valid JSON.", Optional.empty(), e);
        }
    }

    /** The document to send as {@code ResourcePolicy}. */
    String text() {
        return text;
    }

    /** The statement of the policy it came from that starts on {@code line} of the combined document. */
    Optional<DecidingStatement> statementAt(int line) {
        int index = line - FIRST_STATEMENT_LINE;
        if (index < 0 || index >= origins.size()) {
            return Optional.empty();
        }
        Origin origin = origins.get(index);
        return Optional.of(new DecidingStatement(origin.policy(), false, origin.statement(),
                origin.span().start().line(), origin.span().start().column() + 1, origin.span().end().line(),
                origin.span().end().column() + 1));
    }
}

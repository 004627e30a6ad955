package dev.arca.server.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.arca.core.policy.Finding;
import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.PolicyLinter;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.json.JsonPath;
import dev.arca.core.policy.json.Position;
import dev.arca.server.error.ApiException;
import dev.arca.server.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IAM Access Analyzer's {@code ValidatePolicy} (REST-JSON {@code POST /policy/validation}, signed for
 * {@code access-analyzer}), answered by {@link PolicyLinter}: the same checks the GUI's policy editor shows.
 *
 * <p>Any authenticated caller of any local account may call it, with no policy consulted: it reads nothing but the
 * document it is sent and changes nothing, and the IAM users and roles that could be refused
 * {@code access-analyzer:ValidatePolicy} do not exist yet.
 */
public final class PolicyValidationApi {

    /** The operation's path, as the model's {@code requestUri}. */
    public static final String PATH = "/policy/validation";
    /** Access Analyzer's SigV4 signing name. */
    public static final String SIGNING_NAME = "access-analyzer";
    /**
     * The longest document linted. The model puts no length constraint on {@code PolicyDocument}; this bound (well
     * above every IAM and CodeArtifact policy quota, which the linter reports as findings) keeps a lint run small.
     */
    public static final int MAX_DOCUMENT_LENGTH = 131_072;

    private static final String LEARN_MORE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
            + "access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-";
    private static final List<String> POLICY_TYPES = List.of("IDENTITY_POLICY", "RESOURCE_POLICY",
            "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY");
    private static final List<String> RESOURCE_TYPES = List.of("AWS::S3::Bucket", "AWS::S3::AccessPoint",
            "AWS::S3::MultiRegionAccessPoint", "AWS::S3ObjectLambda::AccessPoint", "AWS::IAM::AssumeRolePolicyDocument",
            "AWS::DynamoDB::Table");
    private static final List<String> LOCALES = List.of("DE", "EN", "ES", "FR", "IT", "JA", "KO", "PT_BR", "ZH_CN",
            "ZH_TW");

    /**
     * The findings for the request body {@code requestBody} and the query's {@code maxResults}/{@code nextToken}, as
     * the {@code ValidatePolicyResponse} shape.
     *
     * @throws ApiException a 400 ValidationException in Access Analyzer's shape ({@code reason}, {@code fieldList})
     */
    public Map<String, Object> validatePolicy(byte[] requestBody, Map<String, List<String>> query) {
        JsonNode body = parse(requestBody);
        String document = text(body, "policyDocument")
                .orElseThrow(() -> invalid("policyDocument", "Member must not be null"));
        if (document.length() > MAX_DOCUMENT_LENGTH) {
            throw invalid("policyDocument", "Member must have length less than or equal to " + MAX_DOCUMENT_LENGTH);
        }
        String policyType = text(body, "policyType").orElseThrow(() -> invalid("policyType", "Member must not be null"));
        oneOf("policyType", policyType, POLICY_TYPES);
        Optional<String> resourceType = text(body, "validatePolicyResourceType");
        resourceType.ifPresent(t -> oneOf("validatePolicyResourceType", t, RESOURCE_TYPES));
        if (resourceType.isPresent() && !policyType.equals("RESOURCE_POLICY")) {
            throw invalid("validatePolicyResourceType", "Member may only be given when policyType is RESOURCE_POLICY");
        }
        // Findings are written in English whatever the locale: Arca has no translations.
        text(body, "locale").ifPresent(l -> oneOf("locale", l, LOCALES));
        int maxResults = maxResults(query);
        String fingerprint = fingerprint(policyType, document);
        int from = first(query, "nextToken").map(token -> offset(token, fingerprint)).orElse(0);

        List<Finding> findings = PolicyLinter.lint(document, lintedAs(policyType));
        if (from > findings.size()) {
            throw invalid("nextToken", "Member is not a token this request returned");
        }
        int to = (int) Math.min(findings.size(), (long) from + maxResults);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("findings", findings.subList(from, to).stream().map(PolicyValidationApi::finding).toList());
        if (to < findings.size()) {
            response.put("nextToken", token(to, fingerprint));
        }
        return response;
    }

    /**
     * The linter knows identity and resource policies: a service control policy is written like an identity policy
     * (no Principal), a resource control policy like a resource policy.
     */
    private static PolicyType lintedAs(String policyType) {
        return switch (policyType) {
            case "IDENTITY_POLICY", "SERVICE_CONTROL_POLICY" -> PolicyType.IDENTITY_POLICY;
            default -> PolicyType.RESOURCE_POLICY;
        };
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("findingDetails", finding.findingDetails());
        out.put("findingType", finding.type().name());
        out.put("issueCode", finding.issueCode());
        out.put("learnMoreLink", LEARN_MORE + anchor(finding.type()) + "-"
                + finding.issueCode().toLowerCase(Locale.ROOT).replace('_', '-'));
        out.put("locations", finding.locations().stream().map(PolicyValidationApi::location).toList());
        return out;
    }

    /** The section names of AWS's policy-checks reference, where each check has its own anchor. */
    private static String anchor(FindingType type) {
        return switch (type) {
            case ERROR -> "error";
            case SECURITY_WARNING -> "security-warning";
            case WARNING -> "general-warning";
            case SUGGESTION -> "suggestion";
        };
    }

    private static Map<String, Object> location(Finding.Location location) {
        List<Map<String, Object>> path = location.path().steps().stream().map(step -> switch (step) {
            case JsonPath.Key key -> Map.<String, Object>of("key", key.name());
            case JsonPath.Index index -> Map.<String, Object>of("index", index.index());
        }).toList();
        return Map.of("path", path, "span", Map.of("start", position(location.start()),
                "end", position(location.end())));
    }

    private static Map<String, Object> position(Position position) {
        return Map.of("line", position.line(), "column", position.column(), "offset", position.offset());
    }

    private static int maxResults(Map<String, List<String>> query) {
        Optional<String> given = first(query, "maxResults");
        if (given.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        try {
            int value = Integer.parseInt(given.get());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw invalid("maxResults", "Member must be a whole number greater than or equal to 1");
    }

    /** A page token names where the next page starts, and the request it belongs to (so another's is refused). */
    private static String token(int offset, String fingerprint) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((offset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String fingerprint) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2);
            if (parts.length == 2 && parts[1].equals(fingerprint)) {
                return Integer.parseUnsignedInt(parts[0]);
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: reported below
        }
        throw invalid("nextToken", "Member is not a token this request returned");
    }

    private static String fingerprint(String policyType, String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((policyType + "\n" + document).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below, like any body that is not an object
        }
        throw new ApiException(400, "ValidationException", "The request body must be a JSON object",
                Map.of("reason", "cannotParse"));
    }

    private static Optional<String> text(JsonNode body, String member) {
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new ApiException(400, "ValidationException", "Invalid request body: " + member + " must be a string",
                    Map.of("reason", "cannotParse"));
        }
        return Optional.of(node.asText());
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty()).map(List::getFirst);
    }

    private static void oneOf(String member, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw invalid(member, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
    }

    /** Access Analyzer's ValidationException: reason {@code fieldValidationFailed} and the failing field. */
    private static ApiException invalid(String field, String problem) {
        return new ApiException(400, "ValidationException", "1 validation error detected: Value at '" + field
                + "' failed to satisfy constraint: " + problem, Map.of("reason", "fieldValidationFailed",
                "fieldList", List.of(Map.of("name", field, "message", problem))));
    }
}

package dev.arca.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.server.error.ApiException;
import dev.arca.server.iam.AccessCheck;
import dev.arca.server.iam.AccessControl;
import dev.arca.server.kms.KeyService;
import dev.arca.server.model.Records.AliasRow;
import dev.arca.server.model.Records.KeyRow;
import dev.arca.server.service.Caller;
import dev.arca.server.service.PageToken;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The slice of the AWS KMS API (JSON 1.1, {@code X-Amz-Target: TrentService.*}) that lets the AWS SDK and
 * {@code aws kms} create, list and pick local keys: CreateKey, DescribeKey, ListKeys, ListAliases, CreateAlias.
 * Errors use KMS's own exception names in {@code __type}.
 */
public final class KmsApi {

    public static final String TARGET_PREFIX = "TrentService.";
    private static final Pattern ALIAS_NAME = Pattern.compile("alias/[a-zA-Z0-9/_-]{1,250}");
    private static final Set<String> SYMMETRIC = Set.of("SYMMETRIC_DEFAULT");
    private static final List<String> OPERATIONS = List.of("CreateKey", "DescribeKey", "ListKeys", "ListAliases",
            "CreateAlias");

    private final KeyService keys;
    private final AccessControl access;

    public KmsApi(KeyService keys, AccessControl access) {
        this.keys = Objects.requireNonNull(keys);
        this.access = Objects.requireNonNull(access);
    }

    /**
     * Runs the operation named by the target header, e.g. {@code TrentService.ListKeys}, once the caller may: keys
     * are their account's and keep KMS's default key policy, which leaves the decision to the account's identity
     * policies (an account root may do anything; an IAM user or role needs {@code kms:ACTION} on the key).
     */
    public Object handle(String target, Caller caller, JsonNode body) {
        String operation = target.substring(TARGET_PREFIX.length());
        if (!OPERATIONS.contains(operation)) {
            throw error("UnsupportedOperationException", "Arca's local KMS does not offer " + target
                    + "; it supports " + String.join(", ", OPERATIONS));
        }
        access.require(AccessCheck.of(caller, "kms:" + operation, keyArn(operation, caller, body).orElse("*"),
                caller.accountId()));
        return switch (operation) {
            case "CreateKey" -> createKey(caller, body);
            case "DescribeKey" -> describeKey(caller, body);
            case "ListKeys" -> listKeys(caller, body);
            case "ListAliases" -> listAliases(caller, body);
            case "CreateAlias" -> createAlias(caller, body);
            default -> throw new IllegalStateException("not in OPERATIONS: " + operation);
        };
    }

    /** The key an operation names, when it names one that exists: the resource it is decided on. */
    private Optional<String> keyArn(String operation, Caller caller, JsonNode body) {
        String keyId = body.path("CreateAlias".equals(operation) ? "TargetKeyId" : "KeyId").asText("");
        return keyId.isEmpty() ? Optional.empty()
                : keys.find(caller.accountId(), keyId).map(KeyRow::arn);
    }

    private Object createKey(Caller caller, JsonNode body) {
        String usage = body.path("KeyUsage").asText("ENCRYPT_DECRYPT");
        String spec = body.path("KeySpec").asText(body.path("CustomerMasterKeySpec").asText("SYMMETRIC_DEFAULT"));
        if (!usage.equals("ENCRYPT_DECRYPT") || !SYMMETRIC.contains(spec)) {
            throw error("ValidationException", "Arca's local KMS creates only symmetric encryption keys"
                    + " (KeyUsage ENCRYPT_DECRYPT, KeySpec SYMMETRIC_DEFAULT)");
        }
        String description = body.path("Description").asText("");
        if (description.length() > 8192) {
            throw error("ValidationException", "Description must be at most 8192 characters");
        }
        KeyRow key = keys.create(caller.accountId(), description);
        return Map.of("KeyMetadata", metadata(key));
    }

    private Object describeKey(Caller caller, JsonNode body) {
        String keyId = requiredString(body, "KeyId");
        KeyRow key = keys.describe(caller.accountId(), keyId);
        return Map.of("KeyMetadata", metadata(key));
    }

    private Object listKeys(Caller caller, JsonNode body) {
        int limit = limit(body);
        Optional<String> after = PageToken.decode("kms-keys", marker(body));
        PageToken.Page<KeyRow> page = PageToken.page("kms-keys", keys.list(caller.accountId(), after, limit + 1),
                limit, KeyRow::keyId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Keys", page.items().stream().map(k -> Map.of("KeyId", k.keyId(), "KeyArn", k.arn())).toList());
        truncation(out, page);
        return out;
    }

    private Object listAliases(Caller caller, JsonNode body) {
        int limit = limit(body);
        Optional<String> after = PageToken.decode("kms-aliases", marker(body));
        Optional<String> keyFilter = body.hasNonNull("KeyId") ? Optional.of(body.get("KeyId").asText()) : Optional.empty();
        List<AliasRow> rows = keys.listAliases(caller.accountId(), keyFilter, after, limit + 1);
        PageToken.Page<AliasRow> page = PageToken.page("kms-aliases", rows, limit, AliasRow::name);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Aliases", page.items().stream().map(a -> {
            Map<String, Object> alias = new LinkedHashMap<>();
            alias.put("AliasName", a.name());
            alias.put("AliasArn", keys.aliasArn(a.account(), a.name()));
            alias.put("TargetKeyId", a.targetKeyId());
            alias.put("CreationDate", seconds(a.createdTime()));
            alias.put("LastUpdatedDate", seconds(a.createdTime()));
            return alias;
        }).toList());
        truncation(out, page);
        return out;
    }

    private Object createAlias(Caller caller, JsonNode body) {
        String aliasName = requiredString(body, "AliasName");
        String target = requiredString(body, "TargetKeyId");
        if (!ALIAS_NAME.matcher(aliasName).matches()) {
            throw error("ValidationException", "Alias name " + aliasName
                    + " must start with alias/ and use only letters, digits, /, _ and -");
        }
        if (aliasName.startsWith("alias/aws/")) {
            throw error("NotAuthorizedException", "Alias names starting with alias/aws/ are reserved for AWS");
        }
        keys.createAlias(caller.accountId(), aliasName, target);
        return Map.of();
    }

    private Map<String, Object> metadata(KeyRow key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AWSAccountId", key.account());
        out.put("KeyId", key.keyId());
        out.put("Arn", key.arn());
        out.put("CreationDate", seconds(key.createdTime()));
        out.put("Enabled", true);
        out.put("Description", key.description());
        out.put("KeyUsage", "ENCRYPT_DECRYPT");
        out.put("KeyState", "Enabled");
        out.put("Origin", "AWS_KMS");
        out.put("KeyManager", key.awsManaged() ? "AWS" : "CUSTOMER");
        out.put("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT");
        out.put("KeySpec", "SYMMETRIC_DEFAULT");
        out.put("EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"));
        out.put("MultiRegion", false);
        return out;
    }

    private static void truncation(Map<String, Object> out, PageToken.Page<?> page) {
        out.put("Truncated", page.nextToken().isPresent());
        page.nextToken().ifPresent(marker -> out.put("NextMarker", marker));
    }

    private static int limit(JsonNode body) {
        if (!body.hasNonNull("Limit")) {
            return 100;
        }
        int limit = body.get("Limit").asInt();
        if (limit < 1 || limit > 1000) {
            throw error("ValidationException", "Limit must be between 1 and 1000");
        }
        return limit;
    }

    private static Optional<String> marker(JsonNode body) {
        return body.hasNonNull("Marker") ? Optional.of(body.get("Marker").asText()) : Optional.empty();
    }

    private static String requiredString(JsonNode body, String member) {
        JsonNode node = body.path(member);
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw error("ValidationException", "1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return node.asText();
    }

    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static ApiException error(String type, String message) {
        return KeyService.error(type, message);
    }
}

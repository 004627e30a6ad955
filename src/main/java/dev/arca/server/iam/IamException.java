package dev.arca.server.iam;

import java.util.Objects;

/**
 * A refusal IAM or STS would send, in their terms: the error code their SDKs map to a typed exception
 * ({@code NoSuchEntity} → {@code NoSuchEntityException}), the HTTP status AWS uses with it, and the message.
 */
public final class IamException extends RuntimeException {

    private final int status;
    private final String code;

    public IamException(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public static IamException noSuchEntity(String message) {
        return new IamException(404, "NoSuchEntity", message);
    }

    public static IamException alreadyExists(String message) {
        return new IamException(409, "EntityAlreadyExists", message);
    }

    public static IamException malformedPolicy(String message) {
        return new IamException(400, "MalformedPolicyDocument", message);
    }

    public static IamException limitExceeded(String message) {
        return new IamException(409, "LimitExceeded", message);
    }

    public static IamException deleteConflict(String message) {
        return new IamException(409, "DeleteConflict", message);
    }

    public static IamException validation(String message) {
        return new IamException(400, "ValidationError", message);
    }

    public static IamException accessDenied(String message) {
        return new IamException(403, "AccessDenied", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

package dev.arca.server.iam;

import java.util.Objects;

/**
 * A simulation IAM would refuse: {@code code} is IAM's error code ({@code InvalidInput}, {@code
 * MalformedPolicyDocument}) and the message says precisely what is wrong, for the IAM endpoint to render.
 */
public final class PolicySimulationException extends RuntimeException {

    /** IAM's error codes for a refused simulation. */
    public enum Code {
        INVALID_INPUT("InvalidInput"), MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final Code code;

    public PolicySimulationException(Code code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}

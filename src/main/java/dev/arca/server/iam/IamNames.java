package dev.arca.server.iam;

import java.util.regex.Pattern;

/**
 * IAM's input constraints (botocore {@code iam/2010-05-08} shapes {@code userNameType}, {@code existingUserNameType},
 * {@code roleNameType}, {@code policyNameType}, {@code pathType}, {@code roleDescriptionType},
 * {@code policyDocumentType}; {@code sts/2011-06-15} {@code roleSessionNameType}), refused as IAM refuses them:
 * ValidationError, "1 validation error detected: …".
 */
final class IamNames {

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final Pattern DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final int DOCUMENT_MAX = 131_072;
    private static final Pattern DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");

    private IamNames() {
    }

    /** A new user's name ({@code userNameType}). */
    static String userName(String value) {
        return check(value, "userName", NAME, 1, 64);
    }

    /** The name of a user looked up ({@code existingUserNameType}: longer names are simply not found). */
    static String existingUserName(String value) {
        return check(value, "userName", NAME, 1, 128);
    }

    static String roleName(String value) {
        return check(value, "roleName", NAME, 1, 64);
    }

    static String policyName(String value) {
        return check(value, "policyName", NAME, 1, 128);
    }

    static String sessionName(String value) {
        return check(value, "roleSessionName", NAME, 2, 64);
    }

    static String path(String value) {
        return check(value, "path", PATH, 1, 512);
    }

    static String description(String value) {
        return check(value, "description", DESCRIPTION, 0, 1000);
    }

    /** A policy document's characters (IAM-QUOTAS: tab, LF, CR and U+0020–U+00FF); the value is not echoed. */
    static String policyDocument(String value, String member) {
        if (value.isEmpty() || value.length() > DOCUMENT_MAX || !DOCUMENT.matcher(value).matches()) {
            throw IamException.validation("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + DOCUMENT.pattern() + " and have length between 1 and " + DOCUMENT_MAX);
        }
        return value;
    }

    private static String check(String value, String member, Pattern pattern, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw IamException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length between " + min + " and " + max);
        }
        if (!pattern.matcher(value).matches()) {
            throw IamException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern());
        }
        return value;
    }
}

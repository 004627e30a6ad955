package dev.arca.core.iam;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN of someone who can make a request: an account root, an IAM user or role, or a role session — the
 * principals IAM's simulator and a policy's {@code "AWS"} principal name (policies.md §1.5).
 */
public record PrincipalArn(String arn, String account, Type type, String name) {

    /** What kind of principal the ARN names. */
    public enum Type { ROOT, USER, ROLE, ROLE_SESSION }

    private static final Pattern ARN = Pattern.compile("arn:aws:(?:iam::([0-9]{12}):(?:(root)|user/(?:[\\w+=,.@-]+/)*"
            + "([\\w+=,.@-]+)|role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+))"
            + "|sts::([0-9]{12}):assumed-role/([\\w+=,.@-]+/[\\w+=,.@-]+))");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    public PrincipalArn {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /** The root of {@code account} (a 12-digit id). */
    public static PrincipalArn root(String account) {
        return new PrincipalArn("arn:aws:iam::" + account + ":root", account, Type.ROOT, account);
    }

    /** Reads an ARN, or a bare 12-digit account id as policies allow; empty for anything else. */
    public static Optional<PrincipalArn> parse(String text) {
        String value = text == null ? "" : text.strip();
        if (ACCOUNT.matcher(value).matches()) {
            return Optional.of(root(value));
        }
        Matcher m = ARN.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(5) != null) {
            return Optional.of(new PrincipalArn(value, m.group(5), Type.ROLE_SESSION, m.group(6)));
        }
        if (m.group(2) != null) {
            return Optional.of(root(m.group(1)));
        }
        return Optional.of(m.group(3) != null ? new PrincipalArn(value, m.group(1), Type.USER, m.group(3))
                : new PrincipalArn(value, m.group(1), Type.ROLE, m.group(4)));
    }

    /** Why {@code text} is not a principal ARN, as a sentence for the field; empty when it is one. */
    public static String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return "Name a principal: an account id or an ARN such as arn:aws:iam::111122223333:user/ci.";
        }
        return parse(text).isPresent() ? "" : "\"" + text.strip() + "\" is not a principal ARN: use arn:aws:iam::"
                + "ACCOUNT:root, arn:aws:iam::ACCOUNT:user/NAME, arn:aws:iam::ACCOUNT:role/NAME or "
                + "arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION.";
    }

    /** How the principal reads in a list: {@code user ci (111122223333)}. */
    public String describe() {
        return switch (type) {
            case ROOT -> "account " + account;
            case USER -> "user " + name + " (" + account + ")";
            case ROLE -> "role " + name + " (" + account + ")";
            case ROLE_SESSION -> "session " + name + " (" + account + ")";
        };
    }
}

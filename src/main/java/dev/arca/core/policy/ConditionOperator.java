package dev.arca.core.policy;

import java.util.Arrays;
import java.util.Optional;

/** The base IAM condition operators of policies.md §2.3, without set qualifier or IfExists suffix. */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
    STRING_LIKE("StringLike", Family.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    /** The kind of value an operator compares. */
    public enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    private final String policyName;
    private final Family family;
    private final boolean negated;

    ConditionOperator(String policyName, Family family, boolean negated) {
        this.policyName = policyName;
        this.family = family;
        this.negated = negated;
    }

    /** The name as written in a policy, e.g. {@code StringNotEqualsIgnoreCase}. */
    public String policyName() {
        return policyName;
    }

    public Family family() {
        return family;
    }

    /** Whether several policy values combine as NOR and a missing key makes the operator hold (§2.1, §2.2). */
    public boolean negated() {
        return negated;
    }

    /** Whether {@code *} and {@code ?} are wildcards for this operator. */
    public boolean takesWildcards() {
        return this == STRING_LIKE || this == STRING_NOT_LIKE || family == Family.ARN;
    }

    /** The operator by its exact policy name. */
    public static Optional<ConditionOperator> byPolicyName(String name) {
        return Arrays.stream(values()).filter(o -> o.policyName.equals(name)).findFirst();
    }
}

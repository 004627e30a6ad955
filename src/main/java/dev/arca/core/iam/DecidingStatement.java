package dev.arca.core.iam;

import java.util.Objects;

/**
 * A statement that decided a simulated request, and where it is written so an editor can highlight it.
 *
 * @param policy      which policy: {@link #DOMAIN_POLICY}, {@link #REPOSITORY_POLICY}, or an identity policy's name
 * @param identity    whether it is an identity policy of the principal (else a resource policy)
 * @param statement   the statement's index in its policy (from 0), or -1 when the service did not say
 * @param startLine   first line, from 1
 * @param startColumn first column, from 1 (as IAM's simulator counts)
 * @param endLine     last line, from 1
 * @param endColumn   column after the end, from 1
 */
public record DecidingStatement(String policy, boolean identity, int statement, int startLine, int startColumn,
                                int endLine, int endColumn) {

    public static final String DOMAIN_POLICY = "domain policy";
    public static final String REPOSITORY_POLICY = "repository policy";

    public DecidingStatement {
        Objects.requireNonNull(policy, "policy");
    }

    /** {@code repository policy, statement 2 (lines 4–9)}. */
    public String describe() {
        String where = startLine == endLine ? "line " + startLine : "lines " + startLine + "–" + endLine;
        return (identity ? "identity policy " + policy : policy)
                + (statement >= 0 ? ", statement " + (statement + 1) : "") + " (" + where + ")";
    }
}

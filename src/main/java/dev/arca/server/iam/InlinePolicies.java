package dev.arca.server.iam;

import dev.arca.core.policy.MalformedPolicyException;
import dev.arca.core.policy.PolicyDocument;
import dev.arca.core.policy.PolicyParser;
import dev.arca.core.policy.PolicyType;
import dev.arca.server.store.IamStore;
import java.util.Map;
import java.util.Objects;

/**
 * The inline policies of users and roles: validated by the same parser the evaluator reads them with, and held to
 * IAM's aggregate size quota per principal (IAM-QUOTAS: "User policy size cannot exceed 2,048 characters", "Role
 * policy size cannot exceed 10,240 characters", white space not counted), so that what IAM refuses is refused here
 * and nothing is stored.
 */
final class InlinePolicies {

    /** IAM-QUOTAS: the aggregate size of a user's inline policies, white space not counted. */
    static final int USER_AGGREGATE = 2_048;
    /** IAM-QUOTAS: the aggregate size of a role's inline policies, white space not counted. */
    static final int ROLE_AGGREGATE = 10_240;

    private final IamStore store;

    InlinePolicies(IamStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Adds or replaces policy {@code name} of the principal with unique id {@code principalId}.
     *
     * @param owner how IAM names the principal in its quota message: {@code user NAME}, {@code role NAME}
     */
    void put(String principalId, String owner, String name, String document, int quota) {
        IamNames.policyName(name);
        IamNames.policyDocument(document, "policyDocument");
        parse(document, PolicyType.IDENTITY_POLICY);
        int total = countedSize(document);
        for (Map.Entry<String, String> other : store.inlinePolicies(principalId).entrySet()) {
            if (!other.getKey().equals(name)) {
                total += countedSize(other.getValue());
            }
        }
        if (total > quota) {
            throw IamException.limitExceeded("Maximum policy size of " + quota + " bytes exceeded for " + owner);
        }
        store.putInlinePolicy(principalId, name, document);
    }

    String get(String principalId, String owner, String name) {
        return store.inlinePolicy(principalId, IamNames.policyName(name)).orElseThrow(() -> IamException.noSuchEntity(
                "The " + owner.substring(0, owner.indexOf(' ')) + " policy with name " + name
                        + " cannot be found."));
    }

    void delete(String principalId, String owner, String name) {
        if (!store.deleteInlinePolicy(principalId, IamNames.policyName(name))) {
            throw IamException.noSuchEntity("The " + owner.substring(0, owner.indexOf(' ')) + " policy with name "
                    + name + " cannot be found.");
        }
    }

    /** Parses {@code document} as IAM would, refusing it with MalformedPolicyDocument and the parser's words. */
    static PolicyDocument parse(String document, PolicyType kind) {
        try {
            return PolicyParser.parse(document, kind);
        } catch (MalformedPolicyException e) {
            throw IamException.malformedPolicy(e.getMessage());
        }
    }

    /** A document's size as IAM's quotas count it: characters other than white space. */
    static int countedSize(String document) {
        return (int) document.chars().filter(c -> !Character.isWhitespace(c)).count();
    }
}

package dev.arca.server.iam;

import dev.arca.core.policy.RequestPrincipal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question for {@link PolicySimulator}, as IAM's SimulateCustomPolicy and SimulatePrincipalPolicy ask it
 * (policies.md §5.1): whose policies, which actions on which resources, under which resource policy and owner, with
 * which condition keys.
 *
 * @param subject         the identity policies to simulate: given as text, or those of a principal
 * @param actionNames     {@code ActionNames}, e.g. {@code codeartifact:ReadFromRepository}; at least one
 * @param resourceArns    {@code ResourceArns}; empty means {@code *}
 * @param resourcePolicy  {@code ResourcePolicy}: one policy applied to every simulated resource
 * @param resourceOwner   {@code ResourceOwner}, an account ARN {@code arn:aws:iam::ACCT:root}; empty means the
 *                        simulated caller's account
 * @param callerArn       {@code CallerArn}, an IAM user ARN: who is simulated (by default the principal, or for
 *                        custom policies the caller); required with a resource policy for custom policies
 * @param contextEntries  {@code ContextEntries}: the condition keys the simulated request carries
 */
public record PolicySimulation(Subject subject, List<String> actionNames, List<String> resourceArns,
                               Optional<String> resourcePolicy, Optional<String> resourceOwner,
                               Optional<String> callerArn, List<ContextEntry> contextEntries) {

    public PolicySimulation {
        Objects.requireNonNull(subject, "subject");
        actionNames = List.copyOf(actionNames);
        resourceArns = List.copyOf(resourceArns);
        Objects.requireNonNull(resourcePolicy, "resourcePolicy");
        Objects.requireNonNull(resourceOwner, "resourceOwner");
        Objects.requireNonNull(callerArn, "callerArn");
        contextEntries = List.copyOf(contextEntries);
    }

    /** Whose identity policies are simulated. */
    public sealed interface Subject permits CustomPolicies, PrincipalPolicies { }

    /** SimulateCustomPolicy's {@code PolicyInputList}: identity policy documents, not attached to anyone. */
    public record CustomPolicies(List<String> policyDocuments) implements Subject {
        public CustomPolicies {
            policyDocuments = List.copyOf(policyDocuments);
        }
    }

    /** SimulatePrincipalPolicy: the policies a principal has now, plus {@code extraPolicies} (its PolicyInputList). */
    public record PrincipalPolicies(RequestPrincipal principal, List<String> extraPolicies) implements Subject {
        public PrincipalPolicies {
            Objects.requireNonNull(principal, "principal");
            extraPolicies = List.copyOf(extraPolicies);
        }
    }

    /**
     * A condition key's values: {@code ContextKeyName}, {@code ContextKeyValues}, {@code ContextKeyType} ({@code
     * string}, {@code stringList}, {@code numeric}, … as IAM names them).
     */
    public record ContextEntry(String name, List<String> values, String type) {
        public ContextEntry {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
            Objects.requireNonNull(type, "type");
        }
    }
}

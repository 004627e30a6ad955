package dev.arca.server.iam;

import dev.arca.core.policy.Decision;
import dev.arca.core.policy.MatchedStatement;
import dev.arca.core.policy.RequestPrincipal;
import dev.arca.server.store.IamStore.RoleRow;
import dev.arca.server.store.IamStore.UserRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM's {@code SimulatePrincipalPolicy} and {@code SimulateCustomPolicy} over the query protocol: the form's members
 * read into a {@link PolicySimulation}, answered by {@link PolicySimulator} — the server's own evaluator and
 * condition keys — and written as IAM's {@code EvaluationResults}, paged with {@code MaxItems} and {@code Marker}.
 * <p>
 * Besides IAM users, groups' and roles' ARNs, {@code PolicySourceArn} may name an account root or a role session
 * ({@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}): Arca answers for every principal the server decides for.
 */
final class SimulationQueries {

    private static final Pattern PRINCIPAL = Pattern.compile(
            "arn:aws:(iam|sts)::([0-9]{12}):(root|user/(?:.*/)?([^/]+)|role/(?:.*/)?([^/]+)|assumed-role/([^/]+)/([^/]+))");
    private static final int DEFAULT_MAX_ITEMS = 100;

    private final PolicySimulator simulator;
    private final IamUsers users;
    private final IamRoles roles;

    SimulationQueries(PolicySimulator simulator, IamUsers users, IamRoles roles) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.users = Objects.requireNonNull(users, "users");
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    QueryReply principal(QueryRequest r) {
        RequestPrincipal principal = known(r.required("PolicySourceArn"), r.account());
        return simulate(r, new PolicySimulation.PrincipalPolicies(principal, r.members("PolicyInputList")));
    }

    QueryReply custom(QueryRequest r) {
        return simulate(r, new PolicySimulation.CustomPolicies(r.members("PolicyInputList")));
    }

    private QueryReply simulate(QueryRequest r, PolicySimulation.Subject subject) {
        if (!r.members("PermissionsBoundaryPolicyInputList").isEmpty()) {
            throw new IamException(400, "InvalidInput", "Arca's simulator does not model permissions boundaries;"
                    + " leave PermissionsBoundaryPolicyInputList out.");
        }
        List<PolicySimulation.ContextEntry> context = new ArrayList<>();
        for (int i = 1; r.optional("ContextEntries.member." + i + ".ContextKeyName").isPresent(); i++) {
            String entry = "ContextEntries.member." + i + ".";
            context.add(new PolicySimulation.ContextEntry(r.required(entry + "ContextKeyName"),
                    r.members(entry + "ContextKeyValues"), r.required(entry + "ContextKeyType")));
        }
        List<SimulationResult> results;
        try {
            results = simulator.simulate(new PolicySimulation(subject, r.members("ActionNames"),
                    r.members("ResourceArns"), r.optional("ResourcePolicy"), r.optional("ResourceOwner"),
                    r.optional("CallerArn"), context), r.caller());
        } catch (PolicySimulationException e) {
            throw new IamException(400, e.code().wireName(), e.getMessage());
        }
        int from = r.optional("Marker").map(SimulationQueries::marker).orElse(0);
        int max = r.integer("MaxItems").orElse(DEFAULT_MAX_ITEMS);
        if (max < 1 || max > 1000) {
            throw IamException.validation("MaxItems must be between 1 and 1000, not " + max);
        }
        int to = Math.min(results.size(), from + max);
        QueryReply reply = QueryReply.empty().list("EvaluationResults", results.subList(Math.min(from, to), to),
                SimulationQueries::result).element("IsTruncated", Boolean.toString(to < results.size()));
        return to < results.size() ? reply.element("Marker", Integer.toString(to)) : reply;
    }

    /** The principal {@code arn} names, as the server knows it; NoSuchEntity for users and roles it does not. */
    private RequestPrincipal known(String arn, String account) {
        Matcher m = PRINCIPAL.matcher(arn);
        if (!m.matches()) {
            throw new IamException(400, "InvalidInput", "PolicySourceArn " + arn + " is not the ARN of a user, role,"
                    + " role session or account root.");
        }
        if (!m.group(2).equals(account)) {
            throw new IamException(400, "InvalidInput", "PolicySourceArn " + arn + " is not in your account "
                    + account + ".");
        }
        if (m.group(3).equals("root")) {
            return RequestPrincipal.root(account);
        }
        if (m.group(4) != null) {
            UserRow user = users.get(account, m.group(4));
            return RequestPrincipal.user(IamUsers.arn(user), user.id());
        }
        RoleRow role = roles.get(account, Optional.ofNullable(m.group(5)).orElse(m.group(6)));
        return m.group(5) != null ? RequestPrincipal.role(IamRoles.arn(role), role.id())
                : RequestPrincipal.assumedRole(IamRoles.arn(role), m.group(7), role.id());
    }

    private static int marker(String marker) {
        try {
            return Math.max(0, Integer.parseInt(marker));
        } catch (NumberFormatException e) {
            throw new IamException(400, "InvalidInput", "Marker " + marker + " is not one this simulation returned.");
        }
    }

    private static void result(QueryReply out, SimulationResult result) {
        out.element("EvalActionName", result.evalActionName())
                .element("EvalResourceName", result.evalResourceName())
                .element("EvalDecision", result.evalDecision().wireName());
        statements(out, result.matchedStatements());
        out.list("MissingContextValues", result.missingContextValues(), QueryReply::text);
        result.evalDecisionDetails().ifPresent(details -> details(out, details));
        if (!result.resourceSpecificResults().isEmpty()) {
            out.list("ResourceSpecificResults", result.resourceSpecificResults(), (member, specific) -> {
                member.element("EvalResourceName", specific.evalResourceName())
                        .element("EvalResourceDecision", specific.evalResourceDecision().wireName());
                statements(member, specific.matchedStatements());
                member.list("MissingContextValues", specific.missingContextValues(), QueryReply::text);
                details(member, specific.evalDecisionDetails());
            });
        }
    }

    private static void statements(QueryReply out, List<MatchedStatement> statements) {
        out.list("MatchedStatements", statements, (member, statement) -> {
            SimulationResult.StatementPosition start = SimulationResult.StatementPosition.start(statement);
            SimulationResult.StatementPosition end = SimulationResult.StatementPosition.end(statement);
            member.element("SourcePolicyId", statement.policyId())
                    .element("SourcePolicyType", statement.sourceType().wireName())
                    .structure("StartPosition", p -> p.element("Line", Integer.toString(start.line()))
                            .element("Column", Integer.toString(start.column())))
                    .structure("EndPosition", p -> p.element("Line", Integer.toString(end.line()))
                            .element("Column", Integer.toString(end.column())));
        });
    }

    /** A map in the query protocol's XML: {@code <entry><key>…</key><value>…</value></entry>}. */
    private static void details(QueryReply out, Map<String, Decision.Verdict> details) {
        out.structure("EvalDecisionDetails", map -> details.forEach((key, verdict) -> map.structure("entry",
                entry -> entry.element("key", key).element("value", verdict.wireName()))));
    }
}

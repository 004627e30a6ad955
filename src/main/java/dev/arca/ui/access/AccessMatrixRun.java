package dev.arca.ui.access;

import dev.arca.core.Arns;
import dev.arca.core.iam.ContextValue;
import dev.arca.core.iam.PrincipalArn;
import dev.arca.core.iam.SimulationAnswer;
import dev.arca.gateway.AccessSimulation;
import dev.arca.gateway.GatewayException;
import dev.arca.ui.common.TaskProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Works out the access matrix of one repository off the UI thread: for every principal and {@link Ability}, one
 * simulator question per action, with the resource policies CodeArtifact would consult for it.
 */
final class AccessMatrixRun {

    /** What a bearer-token request always carries (policies.md §3.4). */
    static final ContextValue BEARER_TOKEN_SERVICE = new ContextValue("sts:AWSServiceName", "string",
            List.of("codeartifact.amazonaws.com"));

    private final AccessSimulation simulation;
    private final AccessSimulation.Setting setting;
    private final String packageArn;
    private final List<ContextValue> context;

    AccessMatrixRun(AccessSimulation simulation, AccessSimulation.Setting setting, String packageArn,
                    List<ContextValue> context) {
        this.simulation = Objects.requireNonNull(simulation);
        this.setting = Objects.requireNonNull(setting);
        this.packageArn = Objects.requireNonNull(packageArn);
        this.context = List.copyOf(context);
    }

    /**
     * The matrix with these policies; with {@code before}, each cell also says what those gave.
     *
     * @throws CancellationException when the user stopped it
     */
    List<MatrixRow> rows(List<PrincipalArn> principals, Optional<String> domainPolicy,
                         Optional<String> repositoryPolicy, Optional<List<MatrixRow>> before, TaskProgress progress,
                         int doneBefore, int total) {
        List<MatrixRow> rows = new ArrayList<>();
        int done = doneBefore;
        for (int p = 0; p < principals.size(); p++) {
            PrincipalArn principal = principals.get(p);
            List<MatrixCell> cells = new ArrayList<>();
            for (Ability ability : Ability.values()) {
                if (progress.isCancelled()) {
                    throw new CancellationException();
                }
                List<SimulationAnswer> answers = new ArrayList<>();
                Optional<String> problem = Optional.empty();
                try {
                    for (Ability.Check check : ability.checks()) {
                        answers.add(simulation.ask(question(principal, check, domainPolicy, repositoryPolicy)));
                    }
                } catch (GatewayException e) { // one cell IAM will not answer does not hide the others
                    problem = Optional.of(e.getMessage());
                    answers.clear();
                }
                int row = p;
                cells.add(new MatrixCell(principal, ability, answers,
                        before.map(b -> b.get(row).cell(ability).allowed()), problem));
                progress.update(++done, total, principal.describe() + ": " + ability.label());
            }
            rows.add(new MatrixRow(principal, cells));
        }
        return rows;
    }

    /** The question for one action of an ability. */
    AccessSimulation.Question question(PrincipalArn principal, Ability.Check check, Optional<String> domainPolicy,
                                       Optional<String> repositoryPolicy) {
        String repository = setting.repository().orElseThrow();
        String resource = switch (check.on()) {
            case DOMAIN -> Arns.domain(setting.region(), setting.owner(), setting.domain());
            case REPOSITORY -> Arns.repository(setting.region(), setting.owner(), setting.domain(), repository);
            case PACKAGE -> packageArn;
            case ANY -> "*";
        };
        if (check.on() == Ability.On.ANY) { // an STS action: CodeArtifact's resource policies play no part
            List<ContextValue> withService = new ArrayList<>(context);
            withService.add(BEARER_TOKEN_SERVICE);
            return new AccessSimulation.Question(principal, check.action(), resource, principal.account(),
                    java.util.Map.of(), withService);
        }
        return new AccessSimulation.Question(principal, check.action(), resource, setting.owner(),
                AccessSimulation.applicable(check.action(), check.on() != Ability.On.DOMAIN, domainPolicy,
                        repositoryPolicy), context);
    }
}

package dev.arca.ui.access;

import dev.arca.core.iam.DecidingStatement;
import dev.arca.core.iam.IamPrincipal;
import dev.arca.core.iam.NamedPrincipals;
import dev.arca.core.iam.PrincipalArn;
import dev.arca.gateway.AccessSimulation;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.Principals;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskHandle;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The access matrix of the simulator's repository: principals × {@link Ability}, green or red, each cell explained on
 * click; worked out in the background, with progress, and cancellable. A "what changes" run works it out with the
 * stored policies and with the draft, and marks the cells that flip.
 */
public final class MatrixState {

    /** What loading found: the setting and the principals worth a row. */
    record Loaded(AccessSimulation.Setting setting, List<PrincipalArn> principals) {
    }

    private final AccessSimulatorViewModel simulator;
    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;

    // Properties
    private final ObservableList<MatrixRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper diff = new ReadOnlyBooleanWrapper(this, "diff", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<MatrixCell> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final BooleanBinding canRun;
    private final BooleanBinding canDiff;
    private TaskHandle handle;

    MatrixState(AccessSimulatorViewModel simulator, Supplier<CodeArtifactGateway> gateway, TaskRunner tasks) {
        this.simulator = Objects.requireNonNull(simulator);
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        canRun = Bindings.createBooleanBinding(() -> !running.get() && !simulator.repositoryProperty().get().isBlank()
                && simulator.packageProblemProperty().get().isEmpty(), running, simulator.repositoryProperty(),
                simulator.packageProblemProperty());
        canDiff = Bindings.createBooleanBinding(() -> canRun.get() && !simulator.draftProperty().get().isBlank(),
                canRun, simulator.draftProperty());
        selected.subscribe(cell -> explanation.set(cell == null ? "" : cell.explanation()));
        // A matrix of another repository must not stay on screen as if it were this one's.
        simulator.domainProperty().subscribe(this::forget);
        simulator.repositoryProperty().subscribe(this::forget);
    }

    private void forget() {
        cancel();
        rows.clear();
        selected.set(null);
        diff.set(false);
        status.set("");
    }

    public ObservableList<MatrixRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the rows show what the draft changes (cells carry the stored policies' answer too). */
    public ReadOnlyBooleanProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** From 0 to 1 while running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the matrix shows or why it could not, as a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The clicked cell. */
    public ObjectProperty<MatrixCell> selectedProperty() {
        return selected;
    }

    /** The selected cell's reason: per action the verdict and the deciding statements. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canDiffProperty() {
        return canDiff;
    }

    // Commands

    /** Works out the matrix with the policies questions use now (the draft, when there is one and it is used). */
    public void run() {
        start(false);
    }

    /** Works out the matrix with the stored policies and with the draft, and marks the cells that flip. */
    public void runDiff() {
        start(true);
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    private void start(boolean compare) {
        if (!(compare ? canDiff : canRun).get()) {
            return;
        }
        String domain = simulator.domainProperty().get();
        Optional<String> repository = simulator.repositoryName();
        String draft = simulator.draftProperty().get();
        Optional<String> used = compare ? Optional.of(draft) : simulator.effectiveDraft();
        boolean draftOfDomain = simulator.draftOfProperty().get() == AccessSimulatorViewModel.DraftOf.DOMAIN;
        String packageName = simulator.packageNameProperty().get();
        var context = simulator.contextEntries("");
        handle = BackgroundTask.of("Work out who may do what in " + repository.orElse(domain), work -> {
            used.ifPresent(text -> AccessSimulation.check(java.util.Map.of(draftOfDomain
                    ? DecidingStatement.DOMAIN_POLICY : DecidingStatement.REPOSITORY_POLICY, text)));
            var gw = gateway.get();
            var simulation = new AccessSimulation(gw);
            var setting = simulation.setting(domain, repository);
            List<PrincipalArn> principals = principals(gw, simulation, setting, used);
            var run = new AccessMatrixRun(simulation, setting, simulator.packageArnIn(setting, packageName), context);
            int total = principals.size() * Ability.values().length * (compare ? 2 : 1);
            Optional<String> domainAfter = draftOfDomain ? used.or(setting::domainPolicy) : setting.domainPolicy();
            Optional<String> repositoryAfter = draftOfDomain ? setting.repositoryPolicy()
                    : used.or(setting::repositoryPolicy);
            Optional<List<MatrixRow>> before = compare ? Optional.of(run.rows(principals, setting.domainPolicy(),
                    setting.repositoryPolicy(), Optional.empty(), work, 0, total)) : Optional.empty();
            return run.rows(principals, domainAfter, repositoryAfter, before, work,
                    compare ? total / 2 : 0, total);
        }).onRunning(() -> {
            running.set(true);
            progress.set(0);
            status.set("Asking the simulator…");
        }).onProgress(p -> {
            progress.set(p.fraction());
            status.set(p.message());
        }).onSuccess(result -> {
            rows.setAll(result);
            selected.set(null);
            diff.set(compare);
            long flips = result.stream().flatMap(r -> r.cells().stream()).filter(MatrixCell::flipped).count();
            status.set(result.size() + " principals" + (compare ? "; the draft changes " + flips
                    + (flips == 1 ? " answer." : " answers.") : "."));
        }).onFailure(failure -> status.set(UserMessages.describe(failure)))
                .onFinished(() -> {
                    running.set(false);
                    if (handle != null && handle.isCancelled()) {
                        status.set("Stopped; the matrix shows the last finished run.");
                    }
                }).runWith(tasks);
    }

    /**
     * Who gets a row: the account's root (on Arca servers: IAM on AWS simulates users, groups and roles only), users
     * and roles, and every principal the policies name. Roles and sessions of other accounts are left out: IAM's
     * simulator can stand in only a user (CallerArn) for another account.
     */
    static List<PrincipalArn> principals(CodeArtifactGateway gateway, AccessSimulation simulation,
                                         AccessSimulation.Setting setting, Optional<String> draft) {
        String account = simulation.account();
        Set<PrincipalArn> rows = new LinkedHashSet<>();
        boolean rootsSimulated = gateway.profile().kind() != ConnectionKind.AWS;
        if (rootsSimulated) {
            rows.add(PrincipalArn.root(account));
        }
        new Principals(gateway).list().stream().map(IamPrincipal::arn).forEach(rows::add);
        List<String> policies = Stream.of(setting.domainPolicy(), setting.repositoryPolicy(), draft)
                .flatMap(Optional::stream).toList();
        for (PrincipalArn named : NamedPrincipals.in(policies)) {
            boolean foreignRole = !named.account().equals(account) && named.type() != PrincipalArn.Type.ROOT
                    && named.type() != PrincipalArn.Type.USER;
            boolean ownRootOnAws = !rootsSimulated && named.equals(PrincipalArn.root(account));
            if (!foreignRole && !ownRootOnAws) {
                rows.add(named);
            }
        }
        return new ArrayList<>(rows);
    }
}

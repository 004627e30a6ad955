package dev.arca.ui.workflows;

import dev.arca.core.RepositoryInfo;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.workflow.VersionChange;
import dev.arca.workflow.WorkflowExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Workflows page: where (domain and repository), the rule ({@link RuleBuilderViewModel}), its plan
 * ({@link PlanPreviewViewModel}), the run ({@link RunViewModel}) and the history of runs
 * ({@link RunHistoryViewModel}). The same engine as the CLI: {@link RetentionRuleFlags}, the planner and the
 * {@link WorkflowExecutor}, journalled in the app's journals folder.
 */
public final class WorkflowsViewModel {

    /** Where the page is: building the rule, planning, planned, running, run. */
    public enum Stage { BUILDING, PLANNING, PLANNED, RUNNING, RUN }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DomainMemory memory;
    private final RuleBuilderViewModel rule;
    private final PlanPreviewViewModel preview;
    private final RunViewModel run;
    private final RunHistoryViewModel history;

    // Properties
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObjectProperty<String> domain = new SimpleObjectProperty<>(this, "domain");
    private final ObservableList<String> repositories = FXCollections.observableArrayList();
    private final ObjectProperty<String> repository = new SimpleObjectProperty<>(this, "repository");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ObjectBinding<Stage> stage;
    private final BooleanBinding canPlan;
    private final BooleanBinding canApply;

    public WorkflowsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                              DomainMemory memory, Path journalDir, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.memory = Objects.requireNonNull(memory, "memory");
        rule = new RuleBuilderViewModel(tasks, this::startOver);
        preview = new PlanPreviewViewModel(gateway, tasks, clock, this::failed);
        run = new RunViewModel(gateway, tasks, dialogs, journalDir, clock, this::failed, this::runEnded);
        history = new RunHistoryViewModel(tasks, dialogs, journalDir, run);
        stage = Bindings.createObjectBinding(() -> switch (run.stateProperty().get()) {
            case RUNNING -> Stage.RUNNING;
            case FINISHED -> Stage.RUN;
            case IDLE -> switch (preview.stateProperty().get()) {
                case NONE -> Stage.BUILDING;
                case PLANNING -> Stage.PLANNING;
                case PLANNED -> Stage.PLANNED;
            };
        }, run.stateProperty(), preview.stateProperty());
        domain.subscribe(d -> {
            if (d != null) {
                memory.rememberDomain(d);
                loadRepositories(d);
            }
        });
        repository.subscribe(r -> {
            if (r != null && domain.get() != null) {
                memory.rememberRepository(domain.get(), r);
            }
            startOver();
        });
        BooleanBinding busy = Bindings.createBooleanBinding(
                () -> stage.get() == Stage.PLANNING || stage.get() == Stage.RUNNING, stage);
        canPlan = Bindings.createBooleanBinding(() -> repository.get() != null
                && rule.ruleSetProperty().get().isPresent(), repository, rule.ruleSetProperty()).and(busy.not());
        canApply = Bindings.createBooleanBinding(() -> stage.get() == Stage.PLANNED
                && preview.planProperty().get().map(p -> !p.changes().isEmpty()).orElse(false), stage,
                preview.planProperty());
    }

    // Properties

    public ObservableList<String> domains() {
        return domains;
    }

    public ObjectProperty<String> domainProperty() {
        return domain;
    }

    public ObservableList<String> repositories() {
        return repositories;
    }

    public ObjectProperty<String> repositoryProperty() {
        return repository;
    }

    /** The rule, from fields or a rules file. */
    public RuleBuilderViewModel rule() {
        return rule;
    }

    /** The rule's plan for the repository. */
    public PlanPreviewViewModel preview() {
        return preview;
    }

    /** The run going, or the last one's results. */
    public RunViewModel run() {
        return run;
    }

    /** Every run journalled in the journals folder. */
    public RunHistoryViewModel history() {
        return history;
    }

    public ObjectBinding<Stage> stageProperty() {
        return stage;
    }

    /** Why the last plan or run failed, in a sentence, or empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public BooleanBinding canPlanProperty() {
        return canPlan;
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    // Commands

    public void loadDomains() {
        BackgroundTask.of("Loading domains", p -> gateway.get().listDomains())
                .onSuccess(list -> {
                    domains.setAll(memory.pickerChoices(list));
                    if (domain.get() == null && !domains.isEmpty()) {
                        domain.set(memory.preferred(domains).orElseThrow());
                    }
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    private void loadRepositories(String chosen) {
        BackgroundTask.of("Loading the repositories of " + chosen, p -> gateway.get().listRepositories(chosen))
                .onSuccess(list -> {
                    if (!chosen.equals(domain.get())) {
                        return;
                    }
                    repositories.setAll(list.stream().map(RepositoryInfo::name).sorted().toList());
                    Optional<String> last = memory.lastDomain().filter(chosen::equals)
                            .flatMap(d -> memory.lastRepository()).filter(repositories::contains);
                    repository.set(last.orElse(repositories.isEmpty() ? null : repositories.getFirst()));
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    /** Loads the repository's versions in the background and plans the rule on them. */
    public void plan() {
        if (!canPlan.get()) {
            return;
        }
        RetentionRuleSet rules = rule.ruleSetProperty().get().orElseThrow();
        startOver();
        preview.plan(domain.get(), repository.get(), rules);
    }

    /**
     * Applies the plan after the user confirms; for dispose or delete they type the repository's name. Runs the
     * executor in the background with a journal in the journals folder.
     *
     * @return whether the run started
     */
    public boolean apply() {
        if (!canApply.get()) {
            return false;
        }
        errorMessage.set("");
        List<VersionChange> changes = VersionChange.of(preview.planProperty().get().orElseThrow());
        return run.start(domain.get(), repository.get(), changes);
    }

    /** Back to the builder, keeping the rule; nothing while planning or running. */
    public void startOver() {
        if (stage != null && (stage.get() == Stage.RUNNING || stage.get() == Stage.PLANNING)) {
            return;
        }
        run.clear();
        preview.clear();
        errorMessage.set("");
    }

    /**
     * Whether the user may leave the page while a run goes on: asks whether to keep it running in the background
     * (when {@code runMayContinue}: only another page of this window is shown), to cancel it — what was not sent
     * stays in its journal, to resume from the history — or to stay.
     */
    public boolean mayLeave(boolean runMayContinue) {
        if (stage.get() != Stage.RUNNING) {
            return true;
        }
        String going = "The run on " + repository.get() + " is going (" + run.progressTextProperty().get() + "). ";
        List<String> choices = runMayContinue ? List.of("Keep running", "Cancel the run", "Stay")
                : List.of("Cancel the run", "Stay");
        String sentence = runMayContinue
                ? going + "Keep it running in the background, or cancel it? A cancelled run can be resumed from the "
                + "history."
                : going + "It stops here: cancel it? What it has not sent yet can be resumed from the history.";
        String answer = choices.get(dialogs.choose("A run is going", sentence, choices));
        if (answer.equals("Cancel the run")) {
            run.cancel();
        }
        return !answer.equals("Stay");
    }

    private void runEnded() {
        history.refresh();
    }

    private void failed(Throwable failure) {
        errorMessage.set(failure instanceof IllegalArgumentException ? failure.getMessage()
                : UserMessages.describe(failure));
    }
}

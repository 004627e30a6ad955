package dev.arca.ui.workflows;

import dev.arca.core.RepositoryInfo;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.InvalidRuleSetException;
import dev.arca.core.retention.PackageVersions;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.core.retention.RetentionAction;
import dev.arca.core.retention.RetentionPlan;
import dev.arca.core.retention.RetentionPlanner;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.core.retention.RetentionRuleParser;
import dev.arca.core.retention.RetentionRuleSet;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.PackageVersionWrites;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.workflow.Cancellation;
import dev.arca.workflow.ExecutionOptions;
import dev.arca.workflow.ExecutionReport;
import dev.arca.workflow.LoadScope;
import dev.arca.workflow.RunReport;
import dev.arca.workflow.VersionChange;
import dev.arca.workflow.VersionResult;
import dev.arca.workflow.WorkflowExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Workflows page: a retention rule built from fields (the {@code arca cleanup} flags) or loaded from a rules file,
 * its plan for one repository, and the plan applied through the workflow executor, journalled, with its results.
 * The same engine as the CLI: {@link RetentionRuleFlags}, {@link RetentionPlanner}, {@link WorkflowExecutor}.
 */
public final class WorkflowsViewModel {

    /** The rule's fields, each with its own message when its value is bad. */
    public enum Field { FORMAT, NAMESPACE, PACKAGE_PREFIX, STATUS, VERSION_REGEX, KEEP_NEWEST, OLDER_THAN_DAYS, ACTION,
        DESTINATION }

    /** Where the page is: building the rule, planning, planned, running, run. */
    public enum Stage { BUILDING, PLANNING, PLANNED, RUNNING, RUN }

    /** Statuses a rule may select, as the CLI's {@code --status} takes them. */
    public static final List<String> STATUSES = List.of("Published", "Unfinished", "Unlisted", "Archived", "Disposed");
    /** Actions a rule may take. */
    public static final List<String> ACTIONS = List.of("unlist", "archive", "publish", "dispose", "delete", "copy");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> FLAG_LABELS = new LinkedHashMap<>();

    static {
        FLAG_LABELS.put("--package-prefix", "Package prefix");
        FLAG_LABELS.put("--version-regex", "Version regex");
        FLAG_LABELS.put("--keep-newest", "Keep newest");
        FLAG_LABELS.put("--older-than-days", "Older than days");
        FLAG_LABELS.put("--namespace", "Namespace");
        FLAG_LABELS.put("--format", "Format");
        FLAG_LABELS.put("--status", "Status");
        FLAG_LABELS.put("--action", "Action");
        FLAG_LABELS.put("--rules", "a rules file");
        FLAG_LABELS.put("--to", "Destination");
    }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DomainMemory memory;
    private final Path journalDir;
    private final Clock clock;

    // Properties: where
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObjectProperty<String> domain = new SimpleObjectProperty<>(this, "domain");
    private final ObservableList<String> repositories = FXCollections.observableArrayList();
    private final ObjectProperty<String> repository = new SimpleObjectProperty<>(this, "repository");

    // Properties: the rule as fields
    private final StringProperty format = new SimpleStringProperty(this, "format", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final StringProperty packagePrefix = new SimpleStringProperty(this, "packagePrefix", "");
    private final Map<String, BooleanProperty> statuses = new LinkedHashMap<>();
    private final StringProperty versionRegex = new SimpleStringProperty(this, "versionRegex", "");
    private final StringProperty keepNewest = new SimpleStringProperty(this, "keepNewest", "");
    private final StringProperty olderThanDays = new SimpleStringProperty(this, "olderThanDays", "");
    private final BooleanProperty keepLatest = new SimpleBooleanProperty(this, "keepLatest", true);
    private final StringProperty action = new SimpleStringProperty(this, "action", "archive");
    private final StringProperty destination = new SimpleStringProperty(this, "destination", "");
    private final Map<Field, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(Field.class);
    // Properties: the rule from a file
    private final ReadOnlyObjectWrapper<Optional<Path>> rulesFile =
            new ReadOnlyObjectWrapper<>(this, "rulesFile", Optional.empty());
    private final ReadOnlyStringWrapper rulesFileError = new ReadOnlyStringWrapper(this, "rulesFileError", "");
    private final ReadOnlyObjectWrapper<Optional<RetentionRuleSet>> ruleSet =
            new ReadOnlyObjectWrapper<>(this, "ruleSet", Optional.empty());

    // Properties: plan and run
    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(this, "stage", Stage.BUILDING);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyObjectWrapper<Optional<RetentionPlan>> plan =
            new ReadOnlyObjectWrapper<>(this, "plan", Optional.empty());
    private final ReadOnlyStringWrapper planSummary = new ReadOnlyStringWrapper(this, "planSummary", "");
    private final ReadOnlyStringWrapper bytesFreed = new ReadOnlyStringWrapper(this, "bytesFreed", "");
    private final ObservableList<PlannedVersion> planEntries = FXCollections.observableArrayList();
    private final FilteredList<PlannedVersion> filteredEntries = new FilteredList<>(planEntries);
    private final ObjectProperty<Optional<ActionKind>> actionFilter =
            new SimpleObjectProperty<>(this, "actionFilter", Optional.empty());
    private final ObservableList<VersionResult> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<ExecutionReport>> report =
            new ReadOnlyObjectWrapper<>(this, "report", Optional.empty());
    private final ReadOnlyStringWrapper runSummary = new ReadOnlyStringWrapper(this, "runSummary", "");
    private final ReadOnlyStringWrapper journalName = new ReadOnlyStringWrapper(this, "journalName", "");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling", false);
    private final BooleanBinding canPlan;
    private final BooleanBinding canApply;
    private Cancellation cancellation = new Cancellation();

    public WorkflowsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                              DomainMemory memory, Path journalDir, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.journalDir = Objects.requireNonNull(journalDir, "journalDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        STATUSES.forEach(s -> statuses.put(s, new SimpleBooleanProperty(this, "status" + s, false)));
        for (Field field : Field.values()) {
            fieldErrors.put(field, new ReadOnlyStringWrapper(this, "error" + field, ""));
        }
        List.of(format, namespace, packagePrefix, versionRegex, keepNewest, olderThanDays, action, destination)
                .forEach(p -> p.subscribe(this::ruleChanged));
        statuses.values().forEach(p -> p.subscribe(this::ruleChanged));
        keepLatest.subscribe(this::ruleChanged);
        actionFilter.subscribe(kind -> filteredEntries.setPredicate(kind.isEmpty() ? null
                : entry -> entry.kind() == kind.get()));
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
            clearPlan();
        });
        BooleanBinding busy = Bindings.createBooleanBinding(
                () -> stage.get() == Stage.PLANNING || stage.get() == Stage.RUNNING, stage);
        canPlan = Bindings.createBooleanBinding(() -> repository.get() != null && ruleSet.get().isPresent(),
                repository, ruleSet).and(busy.not());
        canApply = Bindings.createBooleanBinding(() -> stage.get() == Stage.PLANNED
                && plan.get().map(p -> !p.changes().isEmpty()).orElse(false), stage, plan);
        validate();
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

    public StringProperty formatProperty() {
        return format;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty packagePrefixProperty() {
        return packagePrefix;
    }

    /** Whether the rule selects versions of {@code status} (one of {@link #STATUSES}); none ticked selects all. */
    public BooleanProperty statusProperty(String status) {
        return Objects.requireNonNull(statuses.get(status), status);
    }

    public StringProperty versionRegexProperty() {
        return versionRegex;
    }

    public StringProperty keepNewestProperty() {
        return keepNewest;
    }

    public StringProperty olderThanDaysProperty() {
        return olderThanDays;
    }

    public BooleanProperty keepLatestProperty() {
        return keepLatest;
    }

    public StringProperty actionProperty() {
        return action;
    }

    /** The repository a copy goes to. */
    public StringProperty destinationProperty() {
        return destination;
    }

    /** The sentence saying what is wrong with {@code field}'s value, or empty. */
    public ReadOnlyStringProperty errorProperty(Field field) {
        return fieldErrors.get(field).getReadOnlyProperty();
    }

    /** The rules file in use instead of the fields, if one was loaded. */
    public ReadOnlyObjectProperty<Optional<Path>> rulesFileProperty() {
        return rulesFile.getReadOnlyProperty();
    }

    /** Why the last rules file could not be used, with its line and column, or empty. */
    public ReadOnlyStringProperty rulesFileErrorProperty() {
        return rulesFileError.getReadOnlyProperty();
    }

    /** The rules, when the fields or the file give valid ones. */
    public ReadOnlyObjectProperty<Optional<RetentionRuleSet>> ruleSetProperty() {
        return ruleSet.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** What the running plan or run is doing: "read the publish times of 12 of 40 packages", "30 of 120 · 14.2/s". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Between 0 and 1, or -1 while the total is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<RetentionPlan>> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** {@code 12 versions: 3 archive, 9 keep}. */
    public ReadOnlyStringProperty planSummaryProperty() {
        return planSummary.getReadOnlyProperty();
    }

    /** {@code 1.2 MB freed}, or empty when nothing is disposed or deleted. */
    public ReadOnlyStringProperty bytesFreedProperty() {
        return bytesFreed.getReadOnlyProperty();
    }

    /** Every version of the plan that passes {@link #actionFilterProperty()}. */
    public ObservableList<PlannedVersion> planEntries() {
        return filteredEntries;
    }

    /** Shows only the versions with this action; empty shows all. */
    public ObjectProperty<Optional<ActionKind>> actionFilterProperty() {
        return actionFilter;
    }

    /** Each version's result, as the run reports it at the end. */
    public ObservableList<VersionResult> results() {
        return results;
    }

    public ReadOnlyObjectProperty<Optional<ExecutionReport>> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** {@code 12 versions: 10 done, 2 failed}. */
    public ReadOnlyStringProperty runSummaryProperty() {
        return runSummary.getReadOnlyProperty();
    }

    /** Where the last run is journalled: {@code Journal: NAME (in FOLDER)}, or empty. */
    public ReadOnlyStringProperty journalNameProperty() {
        return journalName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
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

    /** Uses the rules in {@code file} instead of the fields; a file that cannot be used says why, where. */
    public void loadRulesFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            rulesFileError.set("The rules file " + file.getFileName() + " cannot be read (" + UserMessages.describe(e)
                    + ").");
            return;
        }
        try {
            RetentionRuleSet parsed = RetentionRuleParser.parse(text);
            rulesFile.set(Optional.of(file));
            rulesFileError.set("");
            ruleSet.set(Optional.of(parsed));
            clearPlan();
        } catch (InvalidRuleSetException e) {
            rulesFileError.set(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Goes back to the rule as fields. */
    public void useFields() {
        rulesFile.set(Optional.empty());
        rulesFileError.set("");
        validate();
    }

    /** Loads the repository's versions in the background and plans the rule on them. */
    public void plan() {
        if (!canPlan.get()) {
            return;
        }
        String d = domain.get();
        String r = repository.get();
        RetentionRuleSet rules = ruleSet.get().orElseThrow();
        clearPlan();
        stage.set(Stage.PLANNING);
        progressText.set("Listing the packages of " + r + "…");
        progress.set(-1);
        BackgroundTask.of("Planning the cleanup of " + r, p -> {
                    CodeArtifactGateway g = gateway.get();
                    for (RetentionAction a : rules.rules().stream().map(rule -> rule.action()).toList()) {
                        if (a instanceof RetentionAction.Copy copy) {
                            requireDestination(g, d, copy.repository());
                        }
                    }
                    Instant now = clock.instant();
                    List<PackageVersions> packages = new dev.arca.workflow.RepositoryVersionsLoader(g)
                            .load(d, r, LoadScope.of(rules, now), loaded -> p.update(loaded.done(), loaded.total(),
                                    capitalised(loaded.describe())));
                    return new RetentionPlanner(rules).plan(packages, now);
                })
                .onProgress(p -> {
                    progressText.set(p.message());
                    progress.set(p.fraction());
                })
                .onSuccess(result -> {
                    plan.set(Optional.of(result));
                    planEntries.setAll(result.entries());
                    planSummary.set(result.summary());
                    bytesFreed.set(result.bytesFreed() > 0 ? size(result.bytesFreed()) + " freed" : "");
                    progressText.set("");
                    stage.set(Stage.PLANNED);
                })
                .onFailure(failure -> {
                    failed(failure);
                    stage.set(Stage.BUILDING);
                })
                .runWith(tasks);
    }

    /**
     * Applies the plan after the user confirms; for dispose or delete they type the repository's name. Runs the
     * executor in the background with a journal in the app's data folder.
     *
     * @return whether the run started
     */
    public boolean apply() {
        if (!canApply.get()) {
            return false;
        }
        RetentionPlan planned = plan.get().orElseThrow();
        String d = domain.get();
        String r = repository.get();
        String counts = planned.counts().entrySet().stream().filter(e -> e.getKey() != ActionKind.KEEP && e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().ruleName()).collect(Collectors.joining(", "));
        boolean irreversible = planned.count(ActionKind.DISPOSE) > 0 || planned.count(ActionKind.DELETE) > 0;
        boolean confirmed = irreversible
                ? dialogs.confirmTyped("Apply the cleanup", "This will " + counts + " in " + r + ". Disposing and "
                        + "deleting cannot be undone; archiving is the reversible alternative. Type the repository's "
                        + "name to go ahead.", r, "Apply")
                : dialogs.confirm("Apply the cleanup", "This will " + counts + " in " + r + ".", "Apply", false);
        if (!confirmed) {
            return false;
        }
        List<VersionChange> changes = VersionChange.of(planned);
        Path journal = journalDir.resolve("arca-cleanup-" + d + "-" + r + "-" + STAMP.format(clock.instant())
                + ".journal");
        cancellation = new Cancellation();
        Cancellation current = cancellation;
        results.clear();
        report.set(Optional.empty());
        runSummary.set("");
        cancelling.set(false);
        stage.set(Stage.RUNNING);
        progress.set(0);
        progressText.set("0 of " + changes.size());
        BackgroundTask.of("Applying the cleanup of " + r, p -> {
                    Files.createDirectories(journalDir);
                    WorkflowExecutor executor = new WorkflowExecutor(new PackageVersionWrites(gateway.get()),
                            ExecutionOptions.defaults());
                    return executor.execute(d, r, changes, journal, run -> p.update(run.done(), run.total(),
                            run.done() + " of " + run.total() + (run.failed() > 0 ? " · " + run.failed() + " failed"
                                    : "") + String.format(Locale.ROOT, " · %.1f versions/s", run.versionsPerSecond())),
                            current);
                })
                .onProgress(p -> {
                    progressText.set(p.message());
                    progress.set(p.fraction());
                })
                .onSuccess(done -> {
                    report.set(Optional.of(done));
                    results.setAll(done.results());
                    String said = new RunReport(done).summary();
                    int journalAt = said.lastIndexOf("; journal ");
                    runSummary.set(journalAt < 0 ? said : said.substring(0, journalAt));
                    journalName.set("Journal: " + done.journal().getFileName() + " (in " + journalDir + ")");
                    progress.set(1);
                    progressText.set(done.results().size() - done.count(VersionResult.Kind.NOT_RUN) + " of "
                            + done.results().size());
                    stage.set(Stage.RUN);
                })
                .onFailure(failure -> {
                    failed(failure);
                    stage.set(Stage.PLANNED);
                })
                .onFinished(() -> cancelling.set(false))
                .runWith(tasks);
        return true;
    }

    /** Stops the run after the request in flight; the rest is reported "not run". */
    public void cancel() {
        if (stage.get() == Stage.RUNNING) {
            cancelling.set(true);
            cancellation.cancel();
        }
    }

    /** Asks where to save the run's report and writes it: JSON for a {@code .json} name, else CSV. */
    public void export() {
        Optional<ExecutionReport> done = report.get();
        if (done.isEmpty()) {
            return;
        }
        String name = "arca-cleanup-" + domain.get() + "-" + repository.get() + ".csv";
        dialogs.chooseSaveFile("Export the run's report", name).ifPresent(file -> {
            RunReport written = new RunReport(done.get());
            boolean json = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".json");
            BackgroundTask.of("Writing " + file.getFileName(), p -> Files.writeString(file,
                            json ? written.json() : written.csv(), StandardCharsets.UTF_8))
                    .onFailure(e -> dialogs.showError("Export failed", "The report could not be written to " + file
                            + " (" + UserMessages.describe(e) + ").", e))
                    .runWith(tasks);
        });
    }

    /** Back to the builder, keeping the rule. */
    public void startOver() {
        if (stage.get() != Stage.RUNNING && stage.get() != Stage.PLANNING) {
            clearPlan();
        }
    }

    private void ruleChanged() {
        if (rulesFile.get().isEmpty()) {
            validate();
        }
        clearPlan();
    }

    /** Builds the rule from the fields as the CLI builds it from its flags; each bad value under its field. */
    private void validate() {
        fieldErrors.values().forEach(e -> e.set(""));
        RetentionRuleFlags flags = new RetentionRuleFlags();
        check(Field.FORMAT, format, flags::format);
        String ns = namespace.get().trim();
        if (!ns.isEmpty()) {
            // CodeArtifact names an npm scope without its @, as the CLI accepts it.
            String fmt = format.get().trim();
            check(Field.NAMESPACE, ns.startsWith("@") && (fmt.isEmpty() || fmt.equalsIgnoreCase("npm"))
                    ? ns.substring(1) : ns, flags::namespace);
        }
        check(Field.PACKAGE_PREFIX, packagePrefix, flags::packagePrefix);
        statuses.forEach((name, ticked) -> {
            if (ticked.get()) {
                check(Field.STATUS, name, flags::status);
            }
        });
        check(Field.VERSION_REGEX, versionRegex.get(), flags::versionRegex);
        checkNumber(Field.KEEP_NEWEST, "Keep newest", keepNewest, flags::keepNewest);
        checkNumber(Field.OLDER_THAN_DAYS, "Older than days", olderThanDays, flags::olderThanDays);
        flags.keepLatest(keepLatest.get());
        check(Field.ACTION, action, flags::action);
        if ("copy".equalsIgnoreCase(action.get())) {
            check(Field.DESTINATION, destination, flags::to);
        }
        boolean fieldsValid = fieldErrors.values().stream().allMatch(e -> e.get().isEmpty());
        Optional<RetentionRuleSet> built = Optional.empty();
        if (fieldsValid) {
            try {
                built = Optional.of(flags.build());
            } catch (IllegalArgumentException e) {
                fieldErrors.get(e.getMessage().contains("--to") ? Field.DESTINATION : Field.ACTION)
                        .set(plain(e.getMessage()));
            }
        }
        ruleSet.set(built);
    }

    private void check(Field field, StringProperty value, java.util.function.Consumer<String> setter) {
        check(field, value.get() == null ? "" : value.get().trim(), setter);
    }

    private void check(Field field, String value, java.util.function.Consumer<String> setter) {
        if (value.isEmpty()) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            fieldErrors.get(field).set(plain(e.getMessage()));
        }
    }

    private void checkNumber(Field field, String label, StringProperty value,
                             java.util.function.IntConsumer setter) {
        String text = value.get() == null ? "" : value.get().trim();
        if (text.isEmpty()) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            fieldErrors.get(field).set(label + " is a whole number, not '" + text + "'.");
            return;
        }
        try {
            setter.accept(number);
        } catch (IllegalArgumentException e) {
            fieldErrors.get(field).set(plain(e.getMessage()));
        }
    }

    /** The engine's message with the CLI's flag names said as this page's field names, as a sentence. */
    static String plain(String message) {
        String out = message;
        for (Map.Entry<String, String> flag : FLAG_LABELS.entrySet()) {
            out = out.replace(flag.getKey(), flag.getValue());
        }
        out = out.replace(" without a rules file", "");
        out = Character.toUpperCase(out.charAt(0)) + out.substring(1);
        return out.endsWith(".") ? out : out + ".";
    }

    private static void requireDestination(CodeArtifactGateway g, String d, String name) {
        try {
            g.describeRepository(d, name);
        } catch (dev.arca.gateway.GatewayException e) {
            if (e.errorCode().filter("ResourceNotFoundException"::equals).isPresent()) {
                throw new IllegalArgumentException("The copy destination " + name + " does not exist in domain " + d
                        + ".");
            }
            throw e;
        }
    }

    private void clearPlan() {
        if (stage.get() == Stage.PLANNING || stage.get() == Stage.RUNNING) {
            return;
        }
        plan.set(Optional.empty());
        planEntries.clear();
        planSummary.set("");
        bytesFreed.set("");
        results.clear();
        report.set(Optional.empty());
        runSummary.set("");
        journalName.set("");
        errorMessage.set("");
        stage.set(Stage.BUILDING);
    }

    private void failed(Throwable failure) {
        errorMessage.set(failure instanceof IllegalArgumentException ? failure.getMessage()
                : UserMessages.describe(failure));
        progressText.set("");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}

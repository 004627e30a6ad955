package dev.arca.ui.access;

import dev.arca.core.Arns;
import dev.arca.core.PackageFormat;
import dev.arca.core.iam.ContextValue;
import dev.arca.core.iam.DecidingStatement;
import dev.arca.core.iam.PrincipalArn;
import dev.arca.core.iam.SimulationAnswer;
import dev.arca.core.policy.CodeArtifactActions;
import dev.arca.gateway.AccessSimulation;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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

/**
 * The access simulator: "Can PRINCIPAL do ACTION on RESOURCE?" answered by IAM's simulator with the resource policies
 * that apply (the stored ones, or the unsaved draft), and the access matrix of a repository — principals × abilities —
 * with a "what changes" run comparing the stored policy with the draft. The draft comes from {@link #draftProperty()},
 * which the policy editor binds; the deciding statements' places are in {@link #decidingStatements()}.
 */
public final class AccessSimulatorViewModel {

    /** Which stored policy the draft stands in for. */
    public enum DraftOf { DOMAIN, REPOSITORY }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;

    // Properties
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty repository = new SimpleStringProperty(this, "repository", "");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ObjectProperty<DraftOf> draftOf = new SimpleObjectProperty<>(this, "draftOf", DraftOf.REPOSITORY);
    private final BooleanProperty useDraft = new SimpleBooleanProperty(this, "useDraft", true);
    private final ObservableList<PrincipalArn> principals = FXCollections.observableArrayList();
    private final ObservableList<String> resources = FXCollections.observableArrayList();
    private final StringProperty principal = new SimpleStringProperty(this, "principal", "");
    private final StringProperty action = new SimpleStringProperty(this, "action", "codeartifact:ReadFromRepository");
    private final StringProperty resource = new SimpleStringProperty(this, "resource", "");
    private final StringProperty packageName = new SimpleStringProperty(this, "packageName", "generic/example/example");
    private final ReadOnlyStringWrapper principalProblem = new ReadOnlyStringWrapper(this, "principalProblem", "");
    private final ReadOnlyStringWrapper actionProblem = new ReadOnlyStringWrapper(this, "actionProblem", "");
    private final ReadOnlyStringWrapper resourceProblem = new ReadOnlyStringWrapper(this, "resourceProblem", "");
    private final ReadOnlyStringWrapper packageProblem = new ReadOnlyStringWrapper(this, "packageProblem", "");
    private final ObservableList<ContextRow> contextValues = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<SimulationAnswer>> answer =
            new ReadOnlyObjectWrapper<>(this, "answer", Optional.empty());
    private final ObservableList<DecidingStatement> decidingStatements = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final MatrixState matrix;
    private final BooleanBinding canAsk;

    public AccessSimulatorViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.matrix = new MatrixState(this, gateway, tasks);
        principal.subscribe(text -> principalProblem.set(PrincipalArn.problemWith(text)));
        action.subscribe(text -> actionProblem.set(actionProblemWith(text)));
        resource.subscribe(text -> resourceProblem.set(resourceProblemWith(text)));
        packageName.subscribe(text -> packageProblem.set(packageParts(text).isPresent() ? ""
                : "Name the package as FORMAT/NAMESPACE/NAME, e.g. maven/com.example/app or npm//left-pad."));
        canAsk = Bindings.createBooleanBinding(() -> principalProblem.get().isEmpty() && actionProblem.get().isEmpty()
                && resourceProblem.get().isEmpty() && !busy.get(), principalProblem, actionProblem, resourceProblem,
                busy);
    }

    public StringProperty domainProperty() {
        return domain;
    }

    /** The repository the matrix is for; blank for the domain alone. */
    public StringProperty repositoryProperty() {
        return repository;
    }

    /** The unsaved policy text; blank when there is none. The policy editor binds it. */
    public StringProperty draftProperty() {
        return draft;
    }

    public ObjectProperty<DraftOf> draftOfProperty() {
        return draftOf;
    }

    /** Whether questions are answered with the draft (when there is one) instead of the stored policy. */
    public BooleanProperty useDraftProperty() {
        return useDraft;
    }

    /** The principals to choose from: the account's users and roles, its root, and those the policies name. */
    public ObservableList<PrincipalArn> principals() {
        return principals;
    }

    /** CodeArtifact's actions, and STS's bearer-token action. */
    public List<String> actions() {
        return Stream.concat(CodeArtifactActions.all().stream().map(CodeArtifactActions.Action::qualifiedName),
                Stream.of("sts:GetServiceBearerToken")).toList();
    }

    /** The domain's, the repository's and its package's ARNs, once loaded. */
    public ObservableList<String> resources() {
        return resources;
    }

    public StringProperty principalProperty() {
        return principal;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty resourceProperty() {
        return resource;
    }

    /** The package the matrix's Publish column asks about: {@code FORMAT/NAMESPACE/NAME}. */
    public StringProperty packageNameProperty() {
        return packageName;
    }

    public ReadOnlyStringProperty principalProblemProperty() {
        return principalProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionProblemProperty() {
        return actionProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resourceProblemProperty() {
        return resourceProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty packageProblemProperty() {
        return packageProblem.getReadOnlyProperty();
    }

    /** The condition keys the last answers asked for, each with the value to send next time. */
    public ObservableList<ContextRow> contextValues() {
        return contextValues;
    }

    public ReadOnlyObjectProperty<Optional<SimulationAnswer>> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** The statements that decided the last answer, with their places, for the editor to highlight. */
    public ObservableList<DecidingStatement> decidingStatements() {
        return decidingStatements;
    }

    /** Why the last question or load failed, as a sentence; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canAskProperty() {
        return canAsk;
    }

    /** The access matrix and its "what changes" run. */
    public MatrixState matrix() {
        return matrix;
    }

    // Commands

    /** Reads the domain's owner, its stored policies and the account's principals, and offers them. */
    public void load() {
        String domainName = domain.get();
        Optional<String> repositoryName = repositoryName();
        Optional<String> draftText = effectiveDraft();
        BackgroundTask.of("Read the policies of " + domainName, progress -> {
            var gw = gateway.get();
            var simulation = new AccessSimulation(gw);
            var loaded = simulation.setting(domainName, repositoryName);
            return new MatrixState.Loaded(loaded, MatrixState.principals(gw, simulation, loaded, draftText));
        }).onRunning(() -> error.set("")).onSuccess(loaded -> {
            principals.setAll(loaded.principals());
            resources.setAll(resourceArns(loaded.setting()));
            if (resource.get().isBlank() && !resources.isEmpty()) {
                resource.set(resources.get(Math.min(1, resources.size() - 1)));
            }
            if (principal.get().isBlank() && !principals.isEmpty()) {
                principal.set(principals.getFirst().arn());
            }
        }).onFailure(failure -> error.set(UserMessages.describe(failure))).runWith(tasks);
    }

    /** Asks the question in the form; the answer, its deciding statements and the keys it lacked are shown. */
    public void ask() {
        if (!canAsk.get()) {
            return;
        }
        PrincipalArn who = PrincipalArn.parse(principal.get()).orElseThrow();
        String what = action.get().strip();
        String on = resource.get().strip();
        List<ContextValue> context = contextEntries(what);
        Optional<String> draftText = effectiveDraft();
        DraftOf target = draftOf.get();
        String selectedDomain = domain.get();
        Optional<String> selectedRepository = repositoryName();
        BackgroundTask.of("Simulate " + what, progress -> {
            var simulation = new AccessSimulation(gateway.get());
            if (on.equals("*")) {
                return simulation.ask(new AccessSimulation.Question(who, what, on, who.account(), java.util.Map.of(),
                        context));
            }
            Arns.ResourceArn arn = Arns.parse(on).orElseThrow();
            var stored = simulation.setting(arn.domain(), arn.repository());
            boolean sameDomain = arn.domain().equals(selectedDomain);
            Optional<String> domainPolicy = sameDomain && target == DraftOf.DOMAIN && draftText.isPresent()
                    ? draftText : stored.domainPolicy();
            Optional<String> repositoryPolicy = sameDomain && target == DraftOf.REPOSITORY
                    && arn.repository().equals(selectedRepository) && draftText.isPresent()
                    ? draftText : stored.repositoryPolicy();
            return simulation.ask(new AccessSimulation.Question(who, what, on, arn.owner(),
                    AccessSimulation.applicable(what, arn.repository().isPresent(), domainPolicy, repositoryPolicy),
                    context));
        }).onRunning(() -> {
            busy.set(true);
            error.set("");
        }).onSuccess(result -> {
            answer.set(Optional.of(result));
            decidingStatements.setAll(result.statements());
            for (String key : result.missingContextValues()) {
                if (contextValues.stream().noneMatch(row -> row.key().equalsIgnoreCase(key))) {
                    contextValues.add(new ContextRow(key));
                }
            }
        }).onFailure(failure -> {
            answer.set(Optional.empty());
            decidingStatements.clear();
            error.set(UserMessages.describe(failure));
        }).onFinished(() -> busy.set(false)).runWith(tasks);
    }

    /** The context values given, plus the service name a bearer-token request always carries. */
    List<ContextValue> contextEntries(String forAction) {
        List<ContextValue> entries = new ArrayList<>(contextValues.stream().flatMap(row -> row.entry().stream())
                .toList());
        if (forAction.equalsIgnoreCase("sts:GetServiceBearerToken")
                && entries.stream().noneMatch(e -> e.key().equalsIgnoreCase("sts:AWSServiceName"))) {
            entries.add(AccessMatrixRun.BEARER_TOKEN_SERVICE);
        }
        return entries;
    }

    /** The draft, when questions should use it and there is one. */
    Optional<String> effectiveDraft() {
        String text = draft.get();
        return useDraft.get() && text != null && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    Optional<String> repositoryName() {
        String name = repository.get();
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
    }

    /** The parts of {@code FORMAT/NAMESPACE/NAME}; empty when it is not of that form. */
    private static Optional<String[]> packageParts(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
        return parts.length == 3 && PackageFormat.fromWire(parts[0]).isPresent() && !parts[2].isEmpty()
                ? Optional.of(parts) : Optional.empty();
    }

    /** The ARN of the package {@code text} names in the setting's repository. */
    String packageArnIn(AccessSimulation.Setting in, String text) {
        String[] parts = packageParts(text).orElseThrow();
        return Arns.pkg(in.region(), in.owner(), in.domain(), in.repository().orElseThrow(),
                PackageFormat.fromWire(parts[0]).orElseThrow(), parts[1], parts[2]);
    }

    private List<String> resourceArns(AccessSimulation.Setting loaded) {
        List<String> arns = new ArrayList<>();
        arns.add(Arns.domain(loaded.region(), loaded.owner(), loaded.domain()));
        loaded.repository().ifPresent(name -> {
            arns.add(Arns.repository(loaded.region(), loaded.owner(), loaded.domain(), name));
            if (packageParts(packageName.get()).isPresent()) {
                arns.add(packageArnIn(loaded, packageName.get()));
            }
        });
        return arns;
    }

    private static String actionProblemWith(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("sts:GetServiceBearerToken")) {
            return "";
        }
        if (!value.regionMatches(true, 0, "codeartifact:", 0, "codeartifact:".length())) {
            return "Name one CodeArtifact action, such as codeartifact:ReadFromRepository.";
        }
        String name = value.substring("codeartifact:".length());
        return CodeArtifactActions.byName(name).isPresent() ? ""
                : "CodeArtifact has no action " + name + "; pick one from the list.";
    }

    private static String resourceProblemWith(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equals("*") || Arns.parse(value).filter(a -> !a.type().equals("package-group")).isPresent()) {
            return "";
        }
        return "Name a domain, repository or package ARN, such as arn:aws:codeartifact:REGION:ACCOUNT:repository/"
                + "DOMAIN/NAME.";
    }
}

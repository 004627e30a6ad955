package dev.arca.ui.policies;

import dev.arca.core.policy.PolicySummary;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.ResourcePolicyGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Resource policies tab: the domain's own policy and each repository's in one list, and an editor for the one
 * selected. Leaving an unsaved edit (another row, domain, page, connection, or closing) asks first.
 */
public final class PoliciesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PoliciesViewModel.class);

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DomainMemory memory;
    private final PolicyDrafts drafts;
    private final PolicyRevisionLog revisions;
    private final Duration debounce;

    // Properties
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObjectProperty<String> domain = new SimpleObjectProperty<>(this, "domain");
    private final ObservableList<PolicySummary> resources = FXCollections.observableArrayList();
    /** One read-only view, kept: a view listens to the list weakly and would stop updating once collected. */
    private final ObservableList<PolicySummary> resourcesView = FXCollections.unmodifiableObservableList(resources);
    /** When each row's policy changed, by resource ARN. */
    private final ObservableMap<String, PolicyRevisionLog.Change> changes = FXCollections.observableHashMap();
    private final ObservableMap<String, PolicyRevisionLog.Change> changesView =
            FXCollections.unmodifiableObservableMap(changes);
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state", ListState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyObjectWrapper<PolicySummary> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<Optional<PolicyEditorViewModel>> editor =
            new ReadOnlyObjectWrapper<>(this, "editor", Optional.empty());

    public PoliciesViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                             DomainMemory memory, PolicyDrafts drafts, PolicyRevisionLog revisions,
                             Duration debounce) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        domain.subscribe(d -> {
            if (d != null) {
                memory.rememberDomain(d);
                refresh();
            }
        });
    }

    public ObservableList<String> domains() {
        return domains;
    }

    /** The domain shown; set it through {@link #chooseDomain} so an unsaved edit is not left silently. */
    public ReadOnlyObjectProperty<String> domainProperty() {
        return domain;
    }

    /** The domain first, then its repositories, each with the revision of its policy or none. */
    public ObservableList<PolicySummary> resources() {
        return resourcesView;
    }

    /**
     * When each row's policy changed as far as Arca saw (CodeArtifact keeps no change time), by resource ARN; none
     * for a resource that has no policy and had none when last looked at.
     */
    public ObservableMap<String, PolicyRevisionLog.Change> changes() {
        return changesView;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PolicySummary> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The editor of the selected resource, if one is selected. */
    public ReadOnlyObjectProperty<Optional<PolicyEditorViewModel>> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    // Commands

    public void loadDomains() {
        BackgroundTask.of("Loading domains", progress -> gateway.get().listDomains())
                .onSuccess(list -> {
                    domains.setAll(memory.pickerChoices(list));
                    if (domains.isEmpty()) {
                        resources.clear();
                        state.set(ListState.EMPTY);
                    } else if (domain.get() == null) {
                        domain.set(memory.preferred(domains).orElseThrow());
                    }
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    /** Shows {@code name}'s policies, after asking when the open editor has unsaved changes. */
    public boolean chooseDomain(String name) {
        if (Objects.equals(name, domain.get())) {
            return true;
        }
        if (!mayLeave()) {
            return false;
        }
        closeEditor();
        domain.set(name);
        return true;
    }

    /** Reads the list again; the selection is kept when the resource is still there. */
    public void refresh() {
        String chosen = domain.get();
        if (chosen == null) {
            loadDomains();
            return;
        }
        BackgroundTask.of("Loading the policies of " + chosen, progress -> {
                    List<PolicySummary> list = new ResourcePolicyGateway(gateway.get()).list(chosen);
                    return new Listed(list, revisions.observe(list));
                })
                .onRunning(() -> {
                    if (resources.isEmpty()) {
                        state.set(ListState.LOADING);
                    }
                })
                .onSuccess(listed -> {
                    if (!chosen.equals(domain.get())) {
                        return;
                    }
                    List<PolicySummary> list = listed.rows();
                    changes.keySet().retainAll(listed.changes().keySet());
                    changes.putAll(listed.changes());
                    resources.setAll(list);
                    state.set(list.isEmpty() ? ListState.EMPTY : ListState.READY);
                    Optional.ofNullable(selected.get()).flatMap(s -> list.stream()
                            .filter(r -> r.target().equals(s.target())).findFirst()).ifPresent(selected::set);
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    /** Opens {@code resource} in the editor, after asking when the open one has unsaved changes. */
    public boolean select(PolicySummary resource) {
        if (resource == null || (selected.get() != null && selected.get().target().equals(resource.target()))) {
            return true;
        }
        if (!mayLeave()) {
            return false;
        }
        closeEditor();
        selected.set(resource);
        PolicyEditorViewModel opened = new PolicyEditorViewModel(() -> new ResourcePolicyGateway(gateway.get()),
                tasks, dialogs, drafts, resource, debounce);
        opened.baseProperty().subscribe(b -> refreshRow(resource, b.map(p -> p.revision())));
        opened.setOnStored(revision -> noteStored(resource, revision));
        editor.set(Optional.of(opened));
        opened.load();
        return true;
    }

    /**
     * Whether the user may go elsewhere: true without unsaved changes; with them, asks (they stay as a draft on disk
     * and are offered again when the policy is next opened).
     */
    public boolean mayLeave() {
        Optional<PolicyEditorViewModel> open = editor.get().filter(e -> e.dirtyProperty().get());
        return open.isEmpty() || dialogs.confirm("Unsaved policy", "The policy of " + open.get().target().describe()
                + " has changes that are not saved. Leave it? Your text is kept as a draft and offered when you open "
                + "the policy again.", "Leave", false);
    }

    private void closeEditor() {
        editor.get().ifPresent(PolicyEditorViewModel::close);
        editor.set(Optional.empty());
        selected.set(null);
    }

    /** When the editor reads, saves or deletes, the row shows the revision without reading the whole list again. */
    private void refreshRow(PolicySummary resource, Optional<String> revision) {
        for (int i = 0; i < resources.size(); i++) {
            PolicySummary row = resources.get(i);
            if (row.target().equals(resource.target()) && !row.revision().equals(revision)) {
                resources.set(i, new PolicySummary(row.target(), row.resourceArn(), revision));
            }
        }
    }

    /** A save or delete from here: its time is exact, and the row shows it once it is noted on disk. */
    private void noteStored(PolicySummary resource, Optional<String> revision) {
        BackgroundTask.of("Noting the policy's revision", progress -> revisions.saved(resource.resourceArn(), revision))
                .onSuccess(change -> changes.put(resource.resourceArn(), change))
                .onFailure(failure -> LOG.warn("Could not note the revision of {}", resource.resourceArn(), failure))
                .runWith(tasks);
    }

    /** One look at a domain's policies: the rows and when each changed. */
    private record Listed(List<PolicySummary> rows, Map<String, PolicyRevisionLog.Change> changes) {
    }

    private void failed(Throwable failure) {
        errorMessage.set(UserMessages.describe(failure));
        state.set(ListState.ERROR);
    }
}

package dev.arca.ui.policies;

import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.LineDiff;
import dev.arca.core.policy.PolicyFormatter;
import dev.arca.core.policy.PolicySummary;
import dev.arca.core.policy.PolicyTarget;
import dev.arca.core.policy.PolicyTemplate;
import dev.arca.core.policy.PolicyType;
import dev.arca.core.policy.StoredPolicy;
import dev.arca.gateway.ResourcePolicyGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.TaskHandle;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Editing one resource policy: the text with its local syntax problem at once and Access Analyzer's findings a
 * moment after typing stops; templates; format; the diff against the stored policy; saving with the revision the
 * edit started from, and the conflict when someone saved meanwhile (rebase onto theirs, or discard mine); deleting.
 * Every unsaved edit is kept as a draft on disk until it is saved or discarded.
 */
public final class PolicyEditorViewModel {

    /** How long typing must pause before the policy is sent to Access Analyzer. */
    public static final Duration DEBOUNCE = Duration.ofMillis(400);

    private final Supplier<ResourcePolicyGateway> policies;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final PolicyDrafts drafts;
    private final PolicySummary summary;
    private final Duration debounce;
    private TaskHandle pendingCheck;
    /** True while the text is set from the service or a draft rather than typed. */
    private boolean loading;
    /** The revision a save names; differs from the base's only when a draft from another revision was restored. */
    private Optional<String> pinnedRevision = Optional.empty();
    private Consumer<Optional<String>> onStored = revision -> { };
    /** The base's text in the normal layout, which every key's dirty check compares with. */
    private String baseNormal = "";

    // Properties
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<Optional<StoredPolicy>> base =
            new ReadOnlyObjectWrapper<>(this, "base", Optional.empty());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<Optional<PolicyMark>> localProblem =
            new ReadOnlyObjectWrapper<>(this, "localProblem", Optional.empty());
    private final ObservableList<PolicyMark> serviceMarks = FXCollections.observableArrayList();
    private final ObservableList<PolicyMark> marks = FXCollections.observableArrayList();
    /** One read-only view, kept: a view listens to the list weakly and would stop updating once collected. */
    private final ObservableList<PolicyMark> marksView = FXCollections.unmodifiableObservableList(marks);
    private final ReadOnlyBooleanWrapper validating = new ReadOnlyBooleanWrapper(this, "validating");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Optional<PolicyConflict>> conflict =
            new ReadOnlyObjectWrapper<>(this, "conflict", Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<PolicyDrafts.Draft>> offeredDraft =
            new ReadOnlyObjectWrapper<>(this, "offeredDraft", Optional.empty());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanBinding canSave;
    private final BooleanBinding canDelete;

    public PolicyEditorViewModel(Supplier<ResourcePolicyGateway> policies, TaskRunner tasks, DialogService dialogs,
                                 PolicyDrafts drafts, PolicySummary summary, Duration debounce) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        canSave = Bindings.createBooleanBinding(() -> loaded.get() && dirty.get() && !busy.get()
                        && localProblem.get().isEmpty() && conflict.get().isEmpty() && marks.stream()
                        .noneMatch(m -> m.type() == FindingType.ERROR),
                loaded, dirty, busy, localProblem, conflict, marks);
        canDelete = Bindings.createBooleanBinding(() -> base.get().isPresent() && !busy.get(), base, busy);
        text.addListener((obs, old, now) -> edited(now));
        localProblem.addListener((obs, old, now) -> rebuildMarks());
        serviceMarks.addListener((javafx.collections.ListChangeListener<PolicyMark>) change -> rebuildMarks());
    }

    public PolicyTarget target() {
        return summary.target();
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The stored policy the edit started from (the base a save names); empty when the resource had none. */
    public ReadOnlyObjectProperty<Optional<StoredPolicy>> baseProperty() {
        return base.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether the text differs from the base, layout aside. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The local parse problem of the text as it is now, if any. */
    public ReadOnlyObjectProperty<Optional<PolicyMark>> localProblemProperty() {
        return localProblem.getReadOnlyProperty();
    }

    /** Everything marked in the editor, in order: the local problem, then Access Analyzer's findings or a refusal. */
    public ObservableList<PolicyMark> marks() {
        return marksView;
    }

    public ReadOnlyBooleanProperty validatingProperty() {
        return validating.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<PolicyConflict>> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** An unsaved edit found on disk when the policy was opened, until restored or discarded. */
    public ReadOnlyObjectProperty<Optional<PolicyDrafts.Draft>> offeredDraftProperty() {
        return offeredDraft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    /** The templates that fit this resource. */
    public List<PolicyTemplate> templates() {
        return PolicyTemplate.forResource(summary.target().repository().isEmpty());
    }

    // Commands

    /** Reads the stored policy and offers a draft kept from an earlier session. */
    public void load() {
        BackgroundTask.of("Reading the policy of " + target().describe(), progress -> {
                    Optional<StoredPolicy> stored = policies.get().read(target());
                    return new Loaded(stored, drafts.find(target()));
                })
                .onRunning(() -> busy.set(true))
                .onSuccess(result -> {
                    rebase(result.stored());
                    setText(result.stored().map(p -> PolicyFormatter.formatOrKeep(p.document())).orElse(""));
                    loaded.set(true);
                    offeredDraft.set(result.draft().filter(d -> !normal(d.text()).equals(normal(text.get()))));
                    if (offeredDraft.get().isEmpty()) {
                        result.draft().ifPresent(d -> drafts.forget(target()));
                    }
                })
                .onFailure(failure -> status.set(UserMessages.describe(failure)))
                .onFinished(() -> busy.set(false))
                .runWith(tasks);
    }

    /** Puts the offered draft in the editor; saving it later names the revision it started from. */
    public void restoreDraft() {
        offeredDraft.get().ifPresent(draft -> {
            offeredDraft.set(Optional.empty());
            pinnedRevision = draft.baseRevision();
            if (!pinnedRevision.equals(base.get().map(StoredPolicy::revision))) {
                status.set("The draft started from another revision; saving shows what changed since.");
            }
            text.set(draft.text());
        });
    }

    public void discardDraft() {
        offeredDraft.set(Optional.empty());
        drafts.forget(target());
    }

    /** Rewrites the text in the normal layout, members in the order written. */
    public void format() {
        PolicyFormatter.format(text.get()).ifPresentOrElse(text::set,
                () -> status.set("Only a policy without syntax errors can be formatted."));
    }

    /** Replaces the text with {@code template} filled in for this resource; the old text stays in the undo history. */
    public void applyTemplate(PolicyTemplate template) {
        text.set(template.render(summary.resourceArn()));
    }

    /** What saving would change: the stored policy against the text, both normalized. */
    public List<LineDiff.Row> diffToStored() {
        return LineDiff.between(normal(base.get().map(StoredPolicy::document).orElse("")), normal(text.get()));
    }

    /** Told the new revision (empty: deleted) each time this editor stores or deletes the policy. */
    public void setOnStored(Consumer<Optional<String>> listener) {
        onStored = Objects.requireNonNull(listener, "listener");
    }

    /** Stores the text, naming the revision the edit started from. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        String document = text.get();
        Optional<String> revision = baseRevision();
        BackgroundTask.of("Saving the policy of " + target().describe(),
                        progress -> PolicyWrite.save(policies.get(), target(), document, revision))
                .onRunning(() -> busy.set(true))
                .onSuccess(outcome -> finish(outcome, document, "Saved revision "))
                .onFailure(this::refused)
                .onFinished(() -> busy.set(false))
                .runWith(tasks);
    }

    /** Takes their version as the new base and keeps my text as the draft to save over it. */
    public void rebaseOntoTheirs() {
        conflict.get().ifPresent(c -> {
            conflict.set(Optional.empty());
            rebase(c.theirs());
            updateDirty();
            keepDraft();
            status.set(c.theirs().map(t -> "Your edit now applies to revision " + t.revision() + ". Save to replace it.")
                    .orElse("Your edit now creates the policy again. Save to store it."));
        });
    }

    /** Drops my edit: the editor shows the stored policy (theirs when in conflict) and the draft is removed. */
    public void discardChanges() {
        Optional<StoredPolicy> stored = conflict.get().map(PolicyConflict::theirs).orElse(base.get());
        conflict.set(Optional.empty());
        rebase(stored);
        setText(stored.map(p -> PolicyFormatter.formatOrKeep(p.document())).orElse(""));
        drafts.forget(target());
        status.set("Your changes were discarded.");
    }

    /** Deletes the stored policy after confirmation, naming its revision. */
    public void delete() {
        Optional<StoredPolicy> stored = base.get();
        if (stored.isEmpty() || busy.get() || !dialogs.confirm("Delete policy", "Delete the policy of "
                + target().describe() + "? Access it grants to other principals ends at once.", "Delete", true)) {
            return;
        }
        BackgroundTask.of("Deleting the policy of " + target().describe(),
                        progress -> PolicyWrite.delete(policies.get(), target(), stored.get().revision()))
                .onRunning(() -> busy.set(true))
                .onSuccess(outcome -> {
                    finish(outcome, text.get(), "");
                    if (!outcome.conflicted()) {
                        setText("");
                        status.set("The policy of " + target().describe() + " was deleted.");
                    }
                })
                .onFailure(this::refused)
                .onFinished(() -> busy.set(false))
                .runWith(tasks);
    }

    /** Stops the pending check; called when the editor is closed. */
    public void close() {
        if (pendingCheck != null) {
            pendingCheck.cancel();
        }
    }

    // Internals

    /** After a save or delete: either stored (base moves on, draft removed) or a conflict to resolve. */
    private void finish(PolicyWrite outcome, String mine, String savedPrefix) {
        if (!outcome.conflicted()) {
            Optional<StoredPolicy> now = outcome.stored().orElseThrow();
            rebase(now);
            updateDirty();
            drafts.forget(target());
            now.ifPresent(p -> status.set(savedPrefix + p.revision() + "."));
            onStored.accept(now.map(StoredPolicy::revision));
        } else {
            conflict.set(Optional.of(PolicyConflict.of(base.get(), outcome.theirs(), mine)));
            status.set(conflict.get().orElseThrow().describe());
        }
    }

    private void refused(Throwable failure) {
        serviceMarks.setAll(new PolicyMark(FindingType.ERROR, PolicyMark.REFUSED,
                "The service refused it: " + UserMessages.describe(failure), Optional.empty(), Optional.empty(),
                Optional.empty()));
        status.set("Nothing was changed.");
    }

    private void rebase(Optional<StoredPolicy> stored) {
        baseNormal = normal(stored.map(StoredPolicy::document).orElse(""));
        base.set(stored);
        pinnedRevision = stored.map(StoredPolicy::revision);
    }

    private Optional<String> baseRevision() {
        return pinnedRevision;
    }

    private void setText(String value) {
        loading = true;
        try {
            text.set(value);
        } finally {
            loading = false;
        }
    }

    private void edited(String now) {
        offeredDraft.set(Optional.empty());
        updateDirty();
        PolicyType type = PolicyType.RESOURCE_POLICY;
        boolean nothingToCheck = now.isBlank() && base.get().isEmpty();
        localProblem.set(nothingToCheck ? Optional.empty() : LocalPolicyCheck.problem(now, type));
        serviceMarks.clear();
        if (!loading && dirty.get()) {
            keepDraft();
        } else if (!loading) {
            drafts.forget(target());
        }
        check(now, type);
    }

    private void check(String document, PolicyType type) {
        if (pendingCheck != null) {
            pendingCheck.cancel();
        }
        if (localProblem.get().isPresent() || document.isBlank()) {
            validating.set(false);
            return;
        }
        pendingCheck = BackgroundTask.of("Validating the policy", progress -> {
                    Thread.sleep(debounce.toMillis());
                    return policies.get().validate(document, type).stream().map(LocalPolicyCheck::mark).toList();
                })
                .onRunning(() -> validating.set(true))
                .onSuccess(found -> {
                    if (document.equals(text.get())) {
                        serviceMarks.setAll(found);
                    }
                })
                .onFailure(failure -> status.set("Access Analyzer could not check the policy: "
                        + UserMessages.describe(failure)))
                .onFinished(() -> validating.set(false))
                .runWith(tasks);
    }

    private void keepDraft() {
        if (dirty.get()) {
            drafts.keep(target(), new PolicyDrafts.Draft(text.get(), baseRevision()));
        }
    }

    private void updateDirty() {
        dirty.set(!normal(text.get()).equals(baseNormal)
                || !pinnedRevision.equals(base.get().map(StoredPolicy::revision)));
    }

    private void rebuildMarks() {
        List<PolicyMark> all = new ArrayList<>();
        localProblem.get().ifPresent(all::add);
        all.addAll(serviceMarks);
        if (!all.equals(marks)) { // the list and the editor redraw on every change
            marks.setAll(all);
        }
    }

    private static String normal(String document) {
        return PolicyFormatter.formatOrKeep(document).strip();
    }

    private record Loaded(Optional<StoredPolicy> stored, Optional<PolicyDrafts.Draft> draft) {
    }
}

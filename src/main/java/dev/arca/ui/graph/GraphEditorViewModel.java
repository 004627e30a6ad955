package dev.arca.ui.graph;

import dev.arca.core.graph.EditProblem;
import dev.arca.core.graph.GraphEdits;
import dev.arca.core.graph.UpstreamGraph;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.UpstreamGraphSource;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Upstream edits made on the graph: each checked by the core rules before anything is sent (a refused edit leaves
 * the graph as it was and says why), collected as pending changes that can be undone one by one or discarded, and
 * applied together. When the service refuses a change, the graph is read again and the edits not applied are offered
 * again on it, so nothing the user did is lost and the graph never shows what the service does not have.
 */
public final class GraphEditorViewModel {

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final Consumer<UpstreamGraph> graphChanged;

    // Properties
    private final ObservableList<GraphEdits.Change> changes = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<EditProblem>> rejection =
            new ReadOnlyObjectWrapper<>(this, "rejection", Optional.empty());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper(this, "applying");
    private final BooleanBinding canApply;
    private final BooleanBinding canUndo;
    private String domain;
    private GraphEdits edits;

    /** @param graphChanged told of the graph to show after every accepted edit, undo, discard or apply */
    public GraphEditorViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks,
                                Consumer<UpstreamGraph> graphChanged) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.graphChanged = Objects.requireNonNull(graphChanged);
        canApply = Bindings.createBooleanBinding(() -> !changes.isEmpty() && !applying.get(), changes, applying);
        canUndo = Bindings.createBooleanBinding(() -> !history.isEmpty() && !applying.get(), history, applying);
    }

    /** The net change per repository that Apply sends, in name order. */
    public ObservableList<GraphEdits.Change> changes() {
        return changes;
    }

    /** The accepted edits, oldest first, as sentences. */
    public ObservableList<String> history() {
        return history;
    }

    /** The latest edit refused before anything was sent, with its reason; cleared by the next edit. */
    public ReadOnlyObjectProperty<Optional<EditProblem>> rejectionProperty() {
        return rejection.getReadOnlyProperty();
    }

    /** What the latest apply did, or what a refusal from the service meant, as sentences. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    /** Whether edits are waiting to be applied. */
    public boolean hasPending() {
        return !changes.isEmpty();
    }

    // Commands

    /** Starts over on a graph as the service has it; pending edits are dropped. */
    public void reset(String domainName, UpstreamGraph base) {
        domain = Objects.requireNonNull(domainName);
        edits = new GraphEdits(base);
        rejection.set(Optional.empty());
        published();
    }

    /** {@code repository} also reads from {@code upstream}, last in its priority order. */
    public boolean addUpstream(String repository, String upstream) {
        return edit(() -> edits.addUpstream(repository, upstream));
    }

    public boolean removeUpstream(String repository, String upstream) {
        return edit(() -> edits.removeUpstream(repository, upstream));
    }

    /** Moves {@code upstream} {@code delta} places in {@code repository}'s priority order (negative: earlier). */
    public boolean moveUpstream(String repository, String upstream, int delta) {
        return edit(() -> {
            int position = edits.current().repository(repository).map(r -> r.upstreams().indexOf(upstream) + 1)
                    .orElse(0);
            return edits.moveUpstream(repository, upstream, position + delta);
        });
    }

    /** Attaches an external connection, or detaches the one {@code repository} has when {@code connection} is empty. */
    public boolean setConnection(String repository, Optional<String> connection) {
        return edit(() -> edits.setConnection(repository, connection));
    }

    public void undo() {
        if (edits != null && edits.undo()) {
            rejection.set(Optional.empty());
            published();
        }
    }

    /** Drops every pending edit. */
    public void discard() {
        if (edits != null) {
            edits.clear();
            rejection.set(Optional.empty());
            status.set("");
            published();
        }
    }

    /**
     * Sends the pending changes, then reads the graph again. A change the service refuses (or a repository changed
     * meanwhile) stops the rest; they stay pending on the reloaded graph, where they still can be made.
     */
    public void apply() {
        if (!canApply.get()) {
            return;
        }
        String target = domain;
        List<GraphEdits.Change> sending = List.copyOf(edits.changes());
        record Outcome(UpstreamGraphSource.Applied applied, UpstreamGraph reloaded) {
        }
        BackgroundTask.of("Applying " + sending.size() + " upstream change" + (sending.size() == 1 ? "" : "s"),
                        progress -> {
                            UpstreamGraphSource source = new UpstreamGraphSource(gateway.get());
                            UpstreamGraphSource.Applied applied = source.apply(target, sending);
                            return new Outcome(applied, source.load(target, (d, a) -> { }));
                        })
                .onRunning(() -> applying.set(true))
                .onSuccess(outcome -> settle(outcome.applied(), outcome.reloaded(), sending))
                .onFailure(failure -> status.set(UserMessages.describe(failure)
                        + " Nothing more was sent; reload the graph to see what the service has."))
                .onFinished(() -> applying.set(false))
                .runWith(tasks);
    }

    private void settle(UpstreamGraphSource.Applied applied, UpstreamGraph reloaded, List<GraphEdits.Change> sent) {
        edits = new GraphEdits(reloaded);
        rejection.set(Optional.empty());
        if (applied.refused().isEmpty()) {
            status.set("Applied " + applied.done().size() + " change" + (applied.done().size() == 1 ? "" : "s")
                    + "; the graph is as the service has it now.");
            published();
            return;
        }
        UpstreamGraphSource.Refusal refusal = applied.refused().get();
        List<String> dropped = new ArrayList<>();
        for (GraphEdits.Change change : sent.subList(applied.done().size(), sent.size())) {
            List<EditProblem> problems = edits.replace(change.repository(), change.upstreamsAfter(),
                    change.connectionAfter(), "pending again: " + change.summary());
            if (!problems.isEmpty()) {
                dropped.add(change.repository() + " (" + problems.getFirst().message() + ")");
            }
        }
        status.set("The change to " + refusal.change().repository() + " was not made: " + refusal.reason()
                + (applied.done().isEmpty() ? "" : " " + applied.done().size() + " change"
                        + (applied.done().size() == 1 ? " was" : "s were") + " made before it.")
                + " The graph was read again; the changes not made are pending again"
                + (dropped.isEmpty() ? "." : ", except " + String.join(", ", dropped) + "."));
        published();
    }

    private boolean edit(Supplier<List<EditProblem>> change) {
        if (edits == null || applying.get()) {
            return false;
        }
        List<EditProblem> problems = change.get();
        rejection.set(problems.stream().findFirst());
        if (problems.isEmpty()) {
            status.set("");
            published();
        }
        return problems.isEmpty();
    }

    private void published() {
        changes.setAll(edits.changes());
        history.setAll(edits.edits().stream().map(GraphEdits.Edit::description).toList());
        graphChanged.accept(edits.current());
    }
}

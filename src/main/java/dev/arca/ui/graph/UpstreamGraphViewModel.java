package dev.arca.ui.graph;

import dev.arca.core.graph.GraphRepository;
import dev.arca.core.graph.SearchPlan;
import dev.arca.core.graph.UpstreamGraph;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.UpstreamGraphSource;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.Navigation;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Upstream graph page: a domain's repositories and external connections laid out as a graph, with warnings
 * (cycles, dangling upstreams, chains past the search budget, unreached upstreams); a selected repository explained
 * (the search order a request to it takes) or its impact shown (who reads packages published there); find; and the
 * editor and the package trace as sub-ViewModels.
 */
public final class UpstreamGraphViewModel {

    /** What the graph highlights for the selected repository. */
    public enum Mode { GRAPH, EXPLAIN, IMPACT, TRACE }

    /** Everything drawn for one graph: placed boxes and routes, and the warnings. */
    public record Picture(UpstreamGraph graph, GraphLayout.Result layout, List<GraphWarning> warnings) {
        public Picture {
            Objects.requireNonNull(graph);
            Objects.requireNonNull(layout);
            warnings = List.copyOf(warnings);
        }
    }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DomainMemory memory;
    private final Navigation navigation;
    private final GraphEditorViewModel editor;
    private final PackageTraceViewModel trace;

    // Properties
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObjectProperty<String> domain = new SimpleObjectProperty<>(this, "domain");
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state", ListState.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Optional<Picture>> picture =
            new ReadOnlyObjectWrapper<>(this, "picture", Optional.empty());
    private final ObservableList<GraphWarning> warnings = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final ReadOnlyObjectWrapper<Optional<GraphRepository>> details =
            new ReadOnlyObjectWrapper<>(this, "details", Optional.empty());
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.EXPLAIN);
    private final ReadOnlyObjectWrapper<Optional<SearchPlan>> plan =
            new ReadOnlyObjectWrapper<>(this, "plan", Optional.empty());
    private final ObservableList<String> impact = FXCollections.observableArrayList();
    private final StringProperty findText = new SimpleStringProperty(this, "findText", "");
    private final ReadOnlyStringWrapper findProblem = new ReadOnlyStringWrapper(this, "findProblem", "");
    private final ReadOnlyObjectWrapper<Optional<String>> focus =
            new ReadOnlyObjectWrapper<>(this, "focus", Optional.empty());
    private long drawing;

    public UpstreamGraphViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                                  DomainMemory memory, Navigation navigation) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.memory = Objects.requireNonNull(memory);
        this.navigation = Objects.requireNonNull(navigation);
        this.editor = new GraphEditorViewModel(gateway, tasks, this::draw);
        this.trace = new PackageTraceViewModel(gateway, tasks);
        domain.subscribe(d -> {
            if (d != null) {
                memory.rememberDomain(d);
                trace.clear();
                reload();
            }
        });
        selected.subscribe(name -> {
            if (name != null) {
                picture.get().ifPresent(p -> memory.rememberRepository(p.graph().domain(), name));
            }
            explain();
        });
        mode.subscribe(m -> explain());
        findText.subscribe(text -> findProblem.set(""));
    }

    public ObservableList<String> domains() {
        return domains;
    }

    public ObjectProperty<String> domainProperty() {
        return domain;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Progress while loading, the reason when loading failed, or the empty hint. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The graph as drawn: the service's, with pending edits made. */
    public ReadOnlyObjectProperty<Optional<Picture>> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ObservableList<GraphWarning> warnings() {
        return warnings;
    }

    /** The selected repository's name, or null. */
    public StringProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Optional<GraphRepository>> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The search order of a request to the selected repository (explain mode). */
    public ReadOnlyObjectProperty<Optional<SearchPlan>> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The repositories that would see a package published to the selected one (impact mode), in name order. */
    public ObservableList<String> impact() {
        return impact;
    }

    public StringProperty findTextProperty() {
        return findText;
    }

    public ReadOnlyStringProperty findProblemProperty() {
        return findProblem.getReadOnlyProperty();
    }

    /** The repository the view should bring into sight; set again for each find. */
    public ReadOnlyObjectProperty<Optional<String>> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    public GraphEditorViewModel editor() {
        return editor;
    }

    public PackageTraceViewModel trace() {
        return trace;
    }

    /** The external connections CodeArtifact offers, to attach. */
    public List<String> connectionChoices() {
        return dev.arca.core.ExternalConnections.supported().keySet().stream().sorted().toList();
    }

    // Commands

    /** Loads the domains to choose from and picks the one last used, or the first. */
    public void loadDomains() {
        BackgroundTask.of("Loading domains", progress -> gateway.get().listDomains())
                .onSuccess(list -> {
                    domains.setAll(memory.pickerChoices(list));
                    if (domains.isEmpty()) {
                        state.set(ListState.EMPTY);
                        message.set("There are no domains yet: create one on the Domains page.");
                    } else if (!memory.preferred(domains).orElseThrow().equals(domain.get())) {
                        domain.set(memory.preferred(domains).orElseThrow());
                    } else if (picture.get().isEmpty()) {
                        reload();
                    } else {
                        // Back on the page: the graph (and any pending edit) stays; follow the repository last used.
                        memory.lastRepository().filter(r -> picture.get().get().graph().contains(r))
                                .ifPresent(selected::set);
                    }
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    /** Reads the chosen domain's graph again; pending edits are dropped (the user was asked before). */
    public void reload() {
        String chosen = domain.get();
        if (chosen == null) {
            loadDomains();
            return;
        }
        String keep = selected.get() != null ? selected.get() : memory.lastRepository().orElse(null);
        BackgroundTask.of("Loading the upstream graph of " + chosen, progress -> {
                    UpstreamGraph graph = new UpstreamGraphSource(gateway.get()).load(chosen, (done, all) ->
                            progress.update(done, all, "Reading repository " + done + " of " + all + "…"));
                    return picture(graph);
                })
                .onRunning(() -> {
                    if (picture.get().isEmpty()) {
                        state.set(ListState.LOADING);
                    }
                    message.set("Reading the repositories of " + chosen + "…");
                })
                .onProgress(p -> message.set(p.message()))
                .onSuccess(loaded -> {
                    if (!chosen.equals(domain.get())) {
                        return;
                    }
                    show(loaded);
                    editor.reset(chosen, loaded.graph()); // the same graph: nothing is laid out again
                    selected.set(loaded.graph().contains(keep) ? keep : null);
                    explain();
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    /** Selects the first repository whose name contains the find text and brings it into sight. */
    public void find() {
        String text = findText.get().strip().toLowerCase(Locale.ROOT);
        Optional<String> match = picture.get().stream().flatMap(p -> p.graph().repositories().stream())
                .map(GraphRepository::name)
                .filter(n -> !text.isEmpty() && n.toLowerCase(Locale.ROOT).contains(text))
                .sorted((a, b) -> Boolean.compare(!a.toLowerCase(Locale.ROOT).startsWith(text),
                        !b.toLowerCase(Locale.ROOT).startsWith(text)))
                .findFirst();
        if (match.isEmpty()) {
            findProblem.set(text.isEmpty() ? "" : "No repository of " + domain.get() + " has \"" + findText.get().strip()
                    + "\" in its name.");
            return;
        }
        selected.set(match.get());
        focus.set(Optional.empty());
        focus.set(match);
    }

    /** Opens the selected repository on the Repositories page. */
    public void openRepository() {
        Optional.ofNullable(selected.get()).ifPresent(r -> navigation.showRepository(domain.get(), r));
    }

    /** Opens the selected repository's packages on the Packages page. */
    public void openPackages() {
        Optional.ofNullable(selected.get()).ifPresent(r -> navigation.showPackages(domain.get(), r));
    }

    /** Traces the package typed in the trace form from the selected repository. */
    public void traceSelected() {
        Optional<Picture> shown = picture.get();
        if (shown.isPresent() && selected.get() != null) {
            mode.set(Mode.TRACE);
            trace.trace(shown.get().graph(), selected.get());
        }
    }

    /** Draws a graph changed by an edit: laid out again in the background; a newer edit wins over an older one. */
    private void draw(UpstreamGraph graph) {
        long ticket = ++drawing;
        if (picture.get().map(p -> p.graph() == graph).orElse(false)) {
            return;
        }
        BackgroundTask.of("Laying out the graph", progress -> picture(graph))
                .onSuccess(drawn -> {
                    if (ticket == drawing) {
                        show(drawn);
                        explain();
                    }
                })
                .onFailure(this::failed)
                .runWith(tasks);
    }

    private static Picture picture(UpstreamGraph graph) {
        return new Picture(graph, GraphLayout.of(graph), GraphWarning.of(graph));
    }

    private void show(Picture drawn) {
        picture.set(Optional.of(drawn));
        warnings.setAll(drawn.warnings());
        boolean empty = drawn.graph().repositories().isEmpty();
        state.set(empty ? ListState.EMPTY : ListState.READY);
        message.set(empty ? "Domain " + drawn.graph().domain() + " has no repositories yet: create them on the"
                + " Repositories page." : "");
    }

    private void explain() {
        Optional<UpstreamGraph> graph = picture.get().map(Picture::graph);
        String name = selected.get();
        boolean known = name != null && graph.map(g -> g.contains(name)).orElse(false);
        details.set(known ? graph.get().repository(name) : Optional.empty());
        plan.set(known ? Optional.of(graph.get().searchPlan(name)) : Optional.empty());
        impact.setAll(known ? graph.get().downstreamOf(name) : List.of());
    }

    private void failed(Throwable failure) {
        state.set(ListState.ERROR);
        message.set(UserMessages.describe(failure));
    }

    /** What the graph marks now: selection, and the explanation, impact or trace the mode asks for. */
    GraphHighlight highlight() {
        return picture.get().map(p -> GraphHighlight.of(p, Optional.ofNullable(selected.get()), mode.get(),
                plan.get(), impact, trace.resultProperty().get())).orElseThrow();
    }

    /** Whether pending edits may be dropped (asks when there are some). */
    public boolean confirmDiscard() {
        return !editor.hasPending() || dialogs.confirm("Reload the graph", "Reloading drops the "
                + editor.changes().size() + " pending change" + (editor.changes().size() == 1 ? "" : "s")
                + " that were not applied.", "Drop and reload", true);
    }

    /** The files the graph is saved as. */
    public enum ExportFormat {
        PNG("png"), SVG("svg"), DOT("gv");

        private final String extension;

        ExportFormat(String extension) {
            this.extension = extension;
        }
    }

    /**
     * Saves the graph to a file the user picks: the drawing as SVG, the graph as Graphviz DOT, or {@code png} (what
     * is on screen, encoded by the view) as PNG.
     */
    public void export(ExportFormat format, Supplier<byte[]> png) {
        Optional<Picture> shown = picture.get();
        if (shown.isEmpty()) {
            return;
        }
        String suggested = shown.get().graph().domain() + "-upstreams." + format.extension;
        Optional<java.nio.file.Path> target = dialogs.chooseSaveFile("Export the upstream graph", suggested);
        if (target.isEmpty()) {
            return;
        }
        byte[] content = switch (format) {
            case PNG -> png.get();
            case SVG -> GraphSvg.of(shown.get().layout(), highlight()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case DOT -> dev.arca.core.graph.GraphDot.of(shown.get().graph())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
        BackgroundTask.of("Saving " + target.get().getFileName(), progress -> java.nio.file.Files.write(target.get(),
                        content))
                .onFailure(failure -> dialogs.showError("Export the upstream graph", "Could not save "
                        + target.get() + ": " + UserMessages.describe(failure), failure))
                .runWith(tasks);
    }
}

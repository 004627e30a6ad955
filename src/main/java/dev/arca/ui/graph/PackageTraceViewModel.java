package dev.arca.ui.graph;

import dev.arca.core.PackageFormat;
import dev.arca.core.graph.PackageTrace;
import dev.arca.core.graph.UpstreamGraph;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.PackageTracer;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskHandle;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Tracing a package from a repository: the package typed by format, namespace, name and an optional version; the
 * trace runs in the background with progress and can be stopped; its steps and conclusion are shown, and the graph
 * colours each repository by what it does for the request.
 */
public final class PackageTraceViewModel {

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;

    // Properties
    private final ObjectProperty<PackageFormat> format = new SimpleObjectProperty<>(this, "format", PackageFormat.NPM);
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty version = new SimpleStringProperty(this, "version", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyObjectWrapper<Optional<PackageTrace>> result =
            new ReadOnlyObjectWrapper<>(this, "result", Optional.empty());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final BooleanBinding canTrace;
    private TaskHandle current;

    public PackageTraceViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        name.subscribe(n -> nameProblem.set(n == null || n.isBlank() ? "Type the package name." : ""));
        canTrace = Bindings.createBooleanBinding(() -> nameProblem.get().isEmpty() && !running.get(), nameProblem,
                running);
    }

    public List<PackageFormat> formats() {
        return Arrays.asList(PackageFormat.values());
    }

    public ObjectProperty<PackageFormat> formatProperty() {
        return format;
    }

    /** The namespace (npm scope without {@code @}, Maven group id); empty for none. */
    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The version to trace; empty traces the package as a whole. */
    public StringProperty versionProperty() {
        return version;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<PackageTrace>> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Progress while tracing, then the conclusion, or why the trace failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canTraceProperty() {
        return canTrace;
    }

    // Commands

    /** Traces the package as typed, requested from {@code start} of {@code graph}. */
    public void trace(UpstreamGraph graph, String start) {
        if (!canTrace.get()) {
            return;
        }
        PackageFormat chosen = format.get();
        String ns = namespace.get().strip().replaceFirst("^@", "");
        String pkg = name.get().strip();
        Optional<String> v = Optional.of(version.get().strip()).filter(s -> !s.isEmpty());
        current = BackgroundTask.of("Tracing " + pkg + " from " + start, progress -> new PackageTracer(gateway.get())
                        .trace(graph, start, chosen, ns, pkg, v, (done, all) -> progress.update(done, all,
                                "Asked " + done + " of " + all + " repositories")))
                .onRunning(() -> {
                    running.set(true);
                    result.set(Optional.empty());
                    message.set("Tracing " + pkg + " from " + start + "…");
                })
                .onProgress(p -> message.set(p.message()))
                .onSuccess(trace -> {
                    result.set(Optional.of(trace));
                    message.set(trace.outcome().conclusion());
                })
                .onFailure(failure -> message.set(UserMessages.describe(failure)))
                .onFinished(() -> running.set(false))
                .runWith(tasks);
    }

    /** Stops a running trace; what it found so far is not shown. */
    public void cancel() {
        if (current != null && !current.isDone()) {
            current.cancel();
            message.set("Trace stopped.");
        }
    }

    /** Forgets the shown trace (another repository or domain was chosen). */
    public void clear() {
        cancel();
        result.set(Optional.empty());
        message.set("");
    }
}

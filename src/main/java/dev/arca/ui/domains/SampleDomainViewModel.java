package dev.arca.ui.domains;

import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.SampleDomainLoader;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The first-run offer on an empty embedded server: "Load a sample domain" loads {@code demo} in the background with
 * progress, then hands its name on so the page can show it; a refusal or failure reads as one sentence.
 */
public final class SampleDomainViewModel {

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final Consumer<String> loaded;

    // Properties
    private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper(this, "offered");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final BooleanBinding canLoad;

    /**
     * @param offered whether the connection is the embedded server (the only one the sample is offered for)
     * @param loaded  told the sample domain's name once it is loaded, on the UI thread
     */
    public SampleDomainViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, boolean offered,
                                 Consumer<String> loaded) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.loaded = Objects.requireNonNull(loaded);
        this.offered.set(offered);
        canLoad = Bindings.createBooleanBinding(() -> this.offered.get() && !loading.get(), this.offered, loading);
    }

    /** Whether the page offers the sample at all (on the embedded server only). */
    public ReadOnlyBooleanProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Fraction done, 0 to 1, while loading. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is being done, what was loaded, or why it was not, as one sentence; empty before the first load. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message is a refusal or failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public BooleanBinding canLoadProperty() {
        return canLoad;
    }

    // Commands

    /** Loads the sample domain off the UI thread; the loader refuses a server that has domains. */
    public void load() {
        if (!canLoad.get()) {
            return;
        }
        loading.set(true);
        failed.set(false);
        progress.set(0);
        message.set("Loading the sample domain…");
        BackgroundTask.of("Loading the sample domain", task -> new SampleDomainLoader(gateway.get())
                        .load((done, total, step) -> task.update(done, total, step)))
                .onProgress(p -> {
                    progress.set(Math.max(0, p.fraction()));
                    message.set(p.message() + "…");
                })
                .onSuccess(summary -> {
                    progress.set(1);
                    message.set(summary.describe());
                    loaded.accept(summary.domain());
                })
                .onFailure(failure -> {
                    failed.set(true);
                    message.set(UserMessages.describe(failure));
                })
                .onFinished(() -> loading.set(false))
                .runWith(tasks);
    }
}

package dev.arca.ui.packages;

import dev.arca.core.PackageInfo;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The selected package's two origin controls on the Packages page, edited together and saved in one call; the
 * package with its new controls goes back to the page's list.
 */
public final class OriginControlsViewModel {

    /** The values of an origin control, as the service names them. */
    public static final List<String> CHOICES = List.of("ALLOW", "BLOCK");

    /** Where the edited package lives: the page's domain, repository and selected package. */
    record Page(ObservableValue<String> domain, ObservableValue<String> repository,
                ObservableValue<PackageInfo> selected) {
    }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Page page;
    private final BiConsumer<PackageInfo, PackageInfo> saved;

    private final ObjectProperty<String> publish = new SimpleObjectProperty<>(this, "publish");
    private final ObjectProperty<String> upstream = new SimpleObjectProperty<>(this, "upstream");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final BooleanBinding canSave;

    /** @param saved told the package before and after a save, on the FX thread */
    OriginControlsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs, Page page,
                            BiConsumer<PackageInfo, PackageInfo> saved) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.page = Objects.requireNonNull(page);
        this.saved = Objects.requireNonNull(saved);
        canSave = Bindings.createBooleanBinding(this::edited, page.selected(), publish, upstream, saving);
    }

    /** The publish origin control being edited for the selected package. */
    public ObjectProperty<String> publishProperty() {
        return publish;
    }

    /** The upstream origin control being edited for the selected package. */
    public ObjectProperty<String> upstreamProperty() {
        return upstream;
    }

    /** Whether the edited origin controls differ from the package's and can be saved now. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Sets the selected package's two origin controls to the edited values, together. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        PackageInfo pkg = page.selected().getValue();
        String d = page.domain().getValue();
        String r = page.repository().getValue();
        String newPublish = publish.get();
        String newUpstream = upstream.get();
        BackgroundTask.of("Setting the origin controls of " + pkg.display(), progress -> gateway.get()
                        .setOriginControls(d, r, pkg, newPublish, newUpstream))
                .onRunning(() -> saving.set(true))
                .onSuccess(updated -> saved.accept(pkg, updated))
                .onFailure(failure -> dialogs.showError("Origin controls", UserMessages.describe(failure), failure))
                .onFinished(() -> saving.set(false))
                .runWith(tasks);
    }

    /** Shows {@code pkg}'s controls for editing; none when no package is selected. */
    void show(PackageInfo pkg) {
        publish.set(pkg == null ? null : pkg.publish());
        upstream.set(pkg == null ? null : pkg.upstream());
    }

    private boolean edited() {
        PackageInfo pkg = page.selected().getValue();
        return pkg != null && !saving.get() && publish.get() != null && upstream.get() != null
                && !(pkg.publish().equals(publish.get()) && pkg.upstream().equals(upstream.get()));
    }
}

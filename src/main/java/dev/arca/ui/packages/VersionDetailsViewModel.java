package dev.arca.ui.packages;

import dev.arca.core.AssetInfo;
import dev.arca.core.ByteSizes;
import dev.arca.core.DependencyInfo;
import dev.arca.core.PackageInfo;
import dev.arca.core.Page;
import dev.arca.core.VersionDetails;
import dev.arca.core.VersionInfo;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.LoadedValue;
import dev.arca.ui.common.PagedList;
import dev.arca.ui.common.TaskHandle;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One package version in detail: its metadata and origin (DescribePackageVersion), its files with sizes and
 * hashes, its dependencies and its readme; and downloading a file with progress, cancel and a hash check.
 */
public final class VersionDetailsViewModel {

    /** The version shown, and where it lives. */
    public record Selection(String domain, String repository, PackageInfo pkg, VersionInfo version) {

        public Selection {
            Objects.requireNonNull(domain);
            Objects.requireNonNull(repository);
            Objects.requireNonNull(pkg);
            Objects.requireNonNull(version);
        }

        String label() {
            return pkg.display() + " " + version.version();
        }
    }

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final LoadedValue<VersionDetails> details;
    private final PagedList<AssetInfo> assets;
    private final ObjectProperty<AssetInfo> selectedAsset = new SimpleObjectProperty<>(this, "selectedAsset");
    private final PagedList<DependencyInfo> dependencies;
    private final LoadedValue<String> readme;
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper(this, "downloading");
    private final ReadOnlyDoubleWrapper downloadProgress = new ReadOnlyDoubleWrapper(this, "downloadProgress");
    private final ReadOnlyStringWrapper downloadStatus = new ReadOnlyStringWrapper(this, "downloadStatus", "");
    private final BooleanBinding canDownload;
    private Optional<Selection> shown = Optional.empty();
    private Optional<Download> download = Optional.empty();

    VersionDetailsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        details = new LoadedValue<>(tasks);
        assets = new PagedList<>(tasks, ListState.EMPTY);
        dependencies = new PagedList<>(tasks, ListState.EMPTY);
        readme = new LoadedValue<>(tasks);
        canDownload = selectedAsset.isNotNull().and(downloading.not());
    }

    /** DescribePackageVersion's answer for the shown version. */
    public LoadedValue<VersionDetails> details() {
        return details;
    }

    /** The shown version's files. */
    public PagedList<AssetInfo> assets() {
        return assets;
    }

    public ObjectProperty<AssetInfo> selectedAssetProperty() {
        return selectedAsset;
    }

    /** The format of the shown version's package, which names its dependencies; empty when none is shown. */
    public Optional<String> shownFormat() {
        return shown.map(s -> s.pkg().format());
    }

    /** What the shown version depends on, a page at a time. */
    public PagedList<DependencyInfo> dependencies() {
        return dependencies;
    }

    /** The shown version's readme, as text; empty when its format carries none. */
    public LoadedValue<String> readme() {
        return readme;
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** How much of the running download has arrived, from 0 to 1; negative while the size is unknown. */
    public ReadOnlyDoubleProperty downloadProgressProperty() {
        return downloadProgress.getReadOnlyProperty();
    }

    /** The running or last download, as a sentence. */
    public ReadOnlyStringProperty downloadStatusProperty() {
        return downloadStatus.getReadOnlyProperty();
    }

    /** Whether a file is selected and no download is running. */
    public BooleanBinding canDownloadProperty() {
        return canDownload;
    }

    // Commands

    /** Shows a version: loads its description, files, dependencies and readme. */
    public void show(Selection selection) {
        shown = Optional.of(selection);
        selectedAsset.set(null);
        String d = selection.domain();
        String r = selection.repository();
        PackageInfo pkg = selection.pkg();
        String v = selection.version().version();
        details.load("Describing " + selection.label(), () -> Optional.of(gateway.get().describeVersion(d, r, pkg,
                v)));
        assets.load("Loading the files of " + selection.label(), token -> new Page<>(gateway.get().listAssets(d, r,
                pkg, v), Optional.empty()));
        dependencies.load("Loading the dependencies of " + selection.label(), token -> gateway.get()
                .listDependencies(d, r, pkg, v, token));
        readme.load("Reading the readme of " + selection.label(), () -> gateway.get().readme(d, r, pkg, v));
    }

    /** Shows no version. */
    public void clear() {
        shown = Optional.empty();
        selectedAsset.set(null);
        details.clear();
        assets.clear();
        dependencies.clear();
        readme.clear();
    }

    /**
     * Asks where to save the selected file, then downloads it there with progress, checking its SHA-256. Nothing
     * is left behind when the hash does not match, the download fails or it is cancelled.
     */
    public void download() {
        AssetInfo asset = selectedAsset.get();
        if (!canDownload.get() || shown.isEmpty()) {
            return;
        }
        Selection from = shown.get();
        Optional<Path> chosen = dialogs.chooseSaveFile("Download " + asset.name(), asset.name());
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get();
        Download current = new Download(asset);
        download = Optional.of(current);
        downloading.set(true);
        downloadProgress.set(0);
        downloadStatus.set("Downloading " + asset.name() + "…");
        TaskHandle handle = BackgroundTask.of("Downloading " + asset.name(), progress -> {
                    gateway.get().downloadAsset(from.domain(), from.repository(), from.pkg(),
                            from.version().version(), asset, target,
                            written -> progress.update(written, asset.size(), asset.name()),
                            () -> current.cancelled.get() || progress.isCancelled());
                    return target;
                })
                .onProgress(p -> {
                    if (!current.cancelled.get()) { // progress reported just before a cancel arrives after it
                        downloadStatus.set("Downloading " + asset.name() + ": " + ByteSizes.format(p.done()) + " of "
                                + ByteSizes.format(asset.size()));
                        downloadProgress.set(p.fraction());
                    }
                })
                .onSuccess(saved -> {
                    downloadProgress.set(1);
                    downloadStatus.set("Saved " + asset.name() + " to " + saved + " (SHA-256 checked).");
                })
                .onFailure(failure -> {
                    downloadStatus.set("The download of " + asset.name() + " failed; nothing was kept.");
                    dialogs.showError("Download", UserMessages.describe(failure), failure);
                })
                .noticeWhenLeft(saved -> "Downloaded " + asset.name() + " to " + saved + ".",
                        failure -> "The download of " + asset.name() + " failed; nothing was kept.")
                .onFinished(() -> {
                    downloading.set(false);
                    if (download.equals(Optional.of(current))) {
                        download = Optional.empty();
                    }
                })
                .runWith(tasks);
        current.handle = Optional.of(handle);
    }

    /** Stops the running download; the part already written is removed. */
    public void cancelDownload() {
        download.ifPresent(current -> {
            current.cancel();
            downloadProgress.set(0);
            downloadStatus.set("Download of " + current.asset.name() + " cancelled; nothing was kept.");
        });
    }

    /**
     * A running download. Its own flag, not only the task handle, says it was cancelled: a runner that works in
     * the caller's thread hands the handle out only after the work is done.
     */
    private static final class Download {
        private final AssetInfo asset;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private Optional<TaskHandle> handle = Optional.empty();

        Download(AssetInfo asset) {
            this.asset = asset;
        }

        void cancel() {
            cancelled.set(true);
            handle.ifPresent(TaskHandle::cancel);
        }
    }
}

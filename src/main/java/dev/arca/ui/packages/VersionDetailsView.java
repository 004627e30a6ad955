package dev.arca.ui.packages;

import atlantafx.base.theme.Styles;
import dev.arca.core.AssetInfo;
import dev.arca.core.ByteSizes;
import dev.arca.core.DependencyInfo;
import dev.arca.core.VersionDetails;
import dev.arca.ui.common.PageParts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One package version in detail, in tabs: its metadata and origin, its files (sizes, every hash, download with
 * progress and cancel), its dependencies and its readme.
 */
final class VersionDetailsView extends TabPane {

    /** The Packages page's stylesheet: status chips, badges, hashes. */
    static final String STYLESHEET =
            Objects.requireNonNull(VersionDetailsView.class.getResource("packages.css")).toExternalForm();
    private final VersionDetailsViewModel viewModel;
    private final TableView<AssetInfo> assets = new TableView<>();

    VersionDetailsView(VersionDetailsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("version-details");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().setAll(List.of(
                tab("Overview", "tab-overview", this::overview),
                tab("Files", "tab-files", this::files),
                tab("Dependencies", "tab-dependencies", this::dependencies),
                tab("Readme", "tab-readme", this::readme)));
    }

    /** Moves the focus into the details: the files when the Files tab shows, else the tabs. */
    void focusContent() {
        if (getSelectionModel().getSelectedItem().getId().equals("tab-files")) {
            if (assets.getSelectionModel().isEmpty() && !assets.getItems().isEmpty()) {
                assets.getSelectionModel().selectFirst();
            }
            assets.requestFocus();
        } else {
            requestFocus();
        }
    }

    private Node overview() {
        GridPane grid = new GridPane(12, 6);
        grid.setId("version-overview");
        grid.setPadding(new Insets(12));
        StatusChip status = new StatusChip();
        viewModel.details().valueProperty().subscribe(found -> {
            grid.getChildren().clear();
            found.ifPresent(d -> fill(grid, d, status));
        });
        StackPane stack = PageParts.stateStack(grid, viewModel.details().stateProperty(),
                PageParts.stateBox(Feather.INFO, "No version selected", "Select a version to see its details."),
                PageParts.errorBox("The version could not be described", viewModel.details().errorMessageProperty()));
        StackPane.setAlignment(grid, Pos.TOP_LEFT);
        return stack;
    }

    private static void fill(GridPane grid, VersionDetails d, StatusChip status) {
        status.show(d.status());
        int row = 0;
        row = field(grid, row, "Name", text(d.displayName() + " " + d.version()));
        row = field(grid, row, "Status", status);
        row = field(grid, row, "Published", text(d.publishedTime().map(PageParts.DATE_TIME::format).orElse("—")));
        row = field(grid, row, "Origin", text(origin(d)));
        row = field(grid, row, "Revision", copyable(d.revision()));
        row = optionalField(grid, row, "Summary", d.summary());
        row = optionalField(grid, row, "Homepage", d.homePage());
        row = optionalField(grid, row, "Source code", d.sourceCodeRepository());
        field(grid, row, "Licenses", text(d.licenses().isEmpty() ? "None declared"
                : d.licenses().stream().map(VersionDetails.License::display).collect(Collectors.joining(", "))));
    }

    /** Internal or external, and the repository or connection it came in through. */
    private static String origin(VersionDetails d) {
        String how = switch (d.originType()) {
            case "INTERNAL" -> "Published to this domain";
            case "EXTERNAL" -> "Ingested from outside the domain";
            default -> "Unknown origin";
        };
        String where = d.originExternalConnection().map(c -> " through external connection " + c)
                .or(() -> d.originRepository().map(r -> " through repository " + r)).orElse("");
        return how + where;
    }

    private Node files() {
        assets.setId("assets-table");
        assets.setItems(viewModel.assets().items());
        assets.getColumns().setAll(List.of(
                PageParts.textColumn("File", AssetInfo::name, 200, false),
                PageParts.<AssetInfo>textColumn("Size", a -> ByteSizes.format(a.size()), 80, true)));
        assets.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedAssetProperty()::set);
        StackPane stack = PageParts.stateStack(assets, viewModel.assets().stateProperty(),
                PageParts.stateBox(Feather.FILE, "No files", "Select a version to see its files."),
                PageParts.errorBox("The files could not be listed", viewModel.assets().errorMessageProperty()));
        stack.setPrefHeight(150);
        stack.setMinHeight(100);

        GridPane hashes = new GridPane(8, 4);
        hashes.setId("asset-hashes");
        viewModel.selectedAssetProperty().subscribe(asset -> {
            hashes.getChildren().clear();
            if (asset != null) {
                int row = 0;
                for (String algorithm : AssetInfo.HASH_ALGORITHMS) {
                    row = field(hashes, row, algorithm, copyable(asset.hashes().getOrDefault(algorithm, "")));
                }
            }
        });

        Button download = new Button("Download…", new FontIcon(Feather.DOWNLOAD));
        PageParts.offer(this, "Download asset…", download);
        download.setId("download-asset");
        download.setMinWidth(Region.USE_PREF_SIZE);
        download.disableProperty().bind(viewModel.canDownloadProperty().not());
        download.setOnAction(e -> viewModel.download());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("download-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.progressProperty().bind(viewModel.downloadProgressProperty());
        Button cancel = new Button(null, new FontIcon(Feather.X_CIRCLE));
        cancel.setId("cancel-download");
        cancel.setTooltip(new Tooltip("Cancel the download"));
        cancel.setAccessibleText("Cancel the download");
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        for (Node shownWhileDownloading : List.of(progress, cancel)) {
            shownWhileDownloading.visibleProperty().bind(viewModel.downloadingProperty());
            shownWhileDownloading.managedProperty().bind(viewModel.downloadingProperty());
        }
        cancel.setOnAction(e -> viewModel.cancelDownload());
        Label status = new Label();
        status.setId("download-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(viewModel.downloadStatusProperty());
        status.setWrapText(true);
        HBox bar = new HBox(8, download, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, stack, hashes, bar, status);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Node dependencies() {
        TableView<DependencyInfo> table = new TableView<>(viewModel.dependencies().items());
        table.setId("dependencies-table");
        table.getColumns().setAll(List.of(
                PageParts.<DependencyInfo>textColumn("Package", d -> d.display(format()), 200, false),
                PageParts.textColumn("Type", DependencyInfo::type, 90, false),
                PageParts.textColumn("Version requirement", DependencyInfo::versionRequirement, 140, false)));
        PageParts.loadMoreNearEnd(table, 20, viewModel.dependencies()::loadMore);
        return PageParts.stateStack(table, viewModel.dependencies().stateProperty(),
                PageParts.stateBox(Feather.SHARE_2, "No dependencies", "None recorded for this version. Generic"
                        + " packages declare none; npm, PyPI, Maven and NuGet versions list what they need."),
                PageParts.errorBox("The dependencies could not be listed",
                        viewModel.dependencies().errorMessageProperty()));
    }

    private Node readme() {
        TextArea text = new TextArea();
        text.setId("readme-text");
        text.setEditable(false);
        text.setWrapText(true);
        viewModel.readme().valueProperty().subscribe(readme -> text.setText(readme.orElse("")));
        return PageParts.stateStack(text, viewModel.readme().stateProperty(),
                PageParts.stateBox(Feather.BOOK_OPEN, "No readme", "This version carries no readme. Generic packages"
                        + " have none; npm, PyPI and NuGet versions show the one they were published with."),
                PageParts.errorBox("The readme could not be read", viewModel.readme().errorMessageProperty()));
    }

    /** The format of the shown package, for naming its dependencies. */
    private String format() {
        return viewModel.shownFormat().orElse("");
    }

    /** A tab whose content is built the first time it is shown: the page opens sooner with one tab to lay out. */
    private static Tab tab(String title, String id, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setId(id);
        tab.selectedProperty().subscribe(selected -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    private static int field(GridPane grid, int row, String name, Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("field-name");
        label.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(row, label, value);
        GridPane.setHgrow(value, Priority.ALWAYS);
        return row + 1;
    }

    private static int optionalField(GridPane grid, int row, String name, Optional<String> value) {
        return value.map(v -> field(grid, row, name, text(v))).orElse(row);
    }

    private static Label text(String value) {
        Label label = new Label(value);
        label.setWrapText(true);
        return label;
    }

    /** A read-only, selectable value with a button that copies it. */
    private static Node copyable(String value) {
        TextField field = new TextField(value);
        field.setEditable(false);
        field.getStyleClass().add("hash-value");
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copy.setTooltip(new Tooltip("Copy"));
        copy.setAccessibleText("Copy the checksum");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(4, field, copy);
    }
}

package dev.arca.ui.packages;

import atlantafx.base.theme.Styles;
import dev.arca.core.AssetInfo;
import dev.arca.core.ByteSizes;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.ui.common.PageParts;
import java.io.File;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Packages page: packages of a repository, loaded page by page as the table scrolls; the selected package's
 * versions; the selected version's assets, downloadable with a hash check.
 */
public final class PackagesView extends BorderPane {

    private final PackagesViewModel viewModel;

    public PackagesView(PackagesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("page-packages");
        getStylesheets().add(PageParts.STYLESHEET);
        setTop(header());
        SplitPane split = new SplitPane(packagesPane(), detailsPane());
        split.setDividerPositions(0.5);
        BorderPane.setMargin(split, new Insets(16, 0, 0, 0));
        setCenter(split);
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                viewModel.loadDomains();
            }
        });
    }

    private Node header() {
        Label title = new Label("Packages");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Packages stored in a repository, their versions and their files.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        ComboBox<String> domain = new ComboBox<>(viewModel.domains());
        domain.setId("packages-domain");
        domain.setMinWidth(160);
        domain.valueProperty().bindBidirectional(viewModel.domainProperty());
        ComboBox<String> repository = new ComboBox<>(viewModel.repositories());
        repository.setId("packages-repository");
        repository.setMinWidth(180);
        repository.valueProperty().bindBidirectional(viewModel.repositoryProperty());
        Button reload = new Button("Reload", new FontIcon(Feather.REFRESH_CW));
        reload.setOnAction(e -> viewModel.reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(8, new Label("Domain"), domain, new Label("Repository"), repository, spacer, reload);
        tools.setAlignment(Pos.CENTER_LEFT);
        return new VBox(12, new VBox(4, title, subtitle), tools);
    }

    private Node packagesPane() {
        TableView<PackageInfo> table = new TableView<>(viewModel.packages());
        table.setId("packages-table");
        table.getColumns().setAll(List.of(
                PageParts.textColumn("Package", PackageInfo::display, 200, false),
                PageParts.textColumn("Format", PackageInfo::format, 80, false),
                PageParts.<PackageInfo>textColumn("Origin controls", p -> "publish " + p.publish().toLowerCase(java.util.Locale.ROOT)
                        + " · upstream " + p.upstream().toLowerCase(java.util.Locale.ROOT), 150, false)));
        // Asks for the next page when a row near the end is drawn: scrolling loads, nothing loads ahead of it.
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PackageInfo item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= t.getItems().size() - 10) {
                    viewModel.loadMore();
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedPackageProperty()::set);
        VBox empty = PageParts.stateBox(Feather.PACKAGE, "No packages here",
                "Publish one (generic packages with the AWS CLI, or npm, pip, twine, mvn) and reload.");
        empty.setId("packages-empty");
        VBox error = PageParts.stateBox(Feather.ALERT_TRIANGLE, "The packages could not be loaded", "");
        Label errorText = new Label();
        errorText.textProperty().bind(viewModel.errorMessageProperty());
        error.getChildren().add(errorText);
        StackPane stack = PageParts.stateStack(table, viewModel.stateProperty(), empty, error);
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable counted = () -> {
            int n = viewModel.packages().size();
            count.setText(n + (n == 1 ? " package" : " packages") + " loaded"
                    + (viewModel.hasMoreProperty().get() ? "; scroll for more" : ""));
        };
        viewModel.packages().subscribe(counted);
        viewModel.hasMoreProperty().subscribe(more -> counted.run());
        VBox.setVgrow(stack, Priority.ALWAYS);
        return new VBox(8, stack, count);
    }

    private Node detailsPane() {
        TableView<VersionInfo> versions = new TableView<>(viewModel.versions());
        versions.setId("versions-table");
        versions.getColumns().setAll(List.of(
                PageParts.textColumn("Version", VersionInfo::version, 110, false),
                PageParts.textColumn("Status", VersionInfo::status, 90, false),
                PageParts.textColumn("Origin", VersionInfo::originType, 80, false),
                PageParts.textColumn("Revision", VersionInfo::revision, 120, false)));
        versions.getStyleClass().add(Styles.STRIPED);
        versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versions.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedVersionProperty()::set);

        TableView<AssetInfo> assets = new TableView<>(viewModel.assets());
        assets.setId("assets-table");
        assets.getColumns().setAll(List.of(
                PageParts.textColumn("File", AssetInfo::name, 140, false),
                PageParts.<AssetInfo>textColumn("Size", a -> ByteSizes.format(a.size()), 70, true),
                PageParts.<AssetInfo>textColumn("SHA-256", a -> a.hashes().getOrDefault("SHA-256", ""), 160, false)));
        assets.getStyleClass().add(Styles.STRIPED);
        assets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button download = new Button("Download…", new FontIcon(Feather.DOWNLOAD));
        download.setId("download-asset");
        download.disableProperty().bind(assets.getSelectionModel().selectedItemProperty().isNull());
        download.setOnAction(e -> {
            AssetInfo asset = assets.getSelectionModel().getSelectedItem();
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(asset.name());
            File target = chooser.showSaveDialog(getScene().getWindow());
            if (target != null) {
                viewModel.download(asset, target.toPath());
            }
        });
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(viewModel.downloadStatusProperty());
        Label versionsTitle = new Label("Versions, newest first");
        versionsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label assetsTitle = new Label("Files of the selected version");
        assetsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(versions, Priority.ALWAYS);
        VBox.setVgrow(assets, Priority.ALWAYS);
        VBox box = new VBox(8, versionsTitle, versions, assetsTitle, assets, new HBox(8, download, status));
        box.setPadding(new Insets(0, 0, 0, 12));
        return box;
    }
}

package dev.arca.ui.packages.bulk;

import atlantafx.base.theme.Styles;
import dev.arca.core.ByteSizes;
import dev.arca.core.PackageInfo;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.packages.StatusChip;
import dev.arca.ui.packages.bulk.BulkActionViewModel.Stage;
import dev.arca.workflow.VersionResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A bulk action's window: the plan (every version, its action or why it is left alone, bytes freed), the options of a
 * copy, the typed confirmation of an irreversible action with "Archive instead", then the run's progress with Cancel,
 * and the report, version by version. Closing it while it runs cancels the run.
 */
public final class BulkActionDialog extends javafx.stage.Stage {

    private final BulkActionViewModel viewModel;

    private BulkActionDialog(Window owner, BulkActionViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        titleProperty().bind(viewModel.titleProperty());
        VBox root = new VBox(12, header(), options(), summary(), body(), running(), confirmation(), buttons());
        root.setId("bulk-dialog");
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 840, 600);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        setScene(scene);
        setOnCloseRequest(e -> {
            if (viewModel.stageProperty().get() == Stage.RUNNING) {
                viewModel.cancel(); // the requests in flight finish; the report then shows what was not run
                e.consume();
            }
        });
    }

    /** Opens the window of {@code viewModel} over the window that shows {@code anchor}. */
    public static BulkActionDialog open(Node anchor, BulkActionViewModel viewModel) {
        BulkActionDialog dialog = new BulkActionDialog(anchor.getScene().getWindow(), viewModel);
        dialog.show();
        return dialog;
    }

    private Node header() {
        Label title = new Label();
        title.setId("bulk-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(viewModel.titleProperty());
        BulkSelection s = viewModel.selection();
        Label where = new Label("In repository " + s.repository() + " of domain " + s.domain() + ". A version is"
                + " changed only if it still has the status shown here; one changed meanwhile is reported.");
        where.setWrapText(true);
        where.setMinHeight(Region.USE_PREF_SIZE);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, title, where);
    }

    /** Copy's destination and flags; the guard for the actions that hide versions. */
    private Node options() {
        ComboBox<String> to = new ComboBox<>(viewModel.destinations());
        to.setId("bulk-destination");
        to.valueProperty().bindBidirectional(viewModel.destinationProperty());
        CheckBox overwrite = checkBox("bulk-allow-overwrite", "Overwrite versions the destination has");
        overwrite.selectedProperty().bindBidirectional(viewModel.allowOverwriteProperty());
        CheckBox upstream = checkBox("bulk-include-upstream", "Include versions from upstreams");
        upstream.selectedProperty().bindBidirectional(viewModel.includeFromUpstreamProperty());
        HBox copy = new HBox(8, fieldName("To"), to, overwrite, upstream);
        copy.setAlignment(Pos.CENTER_LEFT);
        shownWhen(copy, viewModel.actionProperty().isEqualTo(ActionKind.COPY));
        CheckBox guard = checkBox("bulk-keep-latest", "Leave each package's latest release and default version alone");
        guard.selectedProperty().bindBidirectional(viewModel.keepLatestProperty());
        shownWhen(guard, Bindings.createBooleanBinding(() -> viewModel.actionProperty().get().hidesVersion(),
                viewModel.actionProperty()));
        VBox box = new VBox(8, copy, guard);
        box.disableProperty().bind(viewModel.stageProperty().isNotEqualTo(Stage.PLANNED));
        return box;
    }

    private Node summary() {
        Label summary = new Label();
        summary.setId("bulk-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label error = new Label();
        error.setId("bulk-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        error.textProperty().bind(viewModel.errorMessageProperty());
        shownWhen(error, viewModel.errorMessageProperty().isNotEmpty());
        return new VBox(4, summary, error);
    }

    /** Loading, the plan, or the report. */
    private Node body() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(40, 40);
        Label loadingText = new Label();
        loadingText.getStyleClass().add(Styles.TEXT_MUTED);
        loadingText.textProperty().bind(viewModel.progressTextProperty().map(t -> t.isEmpty()
                ? "Loading the versions…" : "Loading the versions: " + t));
        VBox loading = new VBox(8, spinner, loadingText);
        loading.setAlignment(Pos.CENTER);
        TableView<PlannedVersion> plan = table("bulk-plan", viewModel.entries());
        plan.getColumns().setAll(List.of(
                PageParts.textColumn("Package", e -> name(e.pkg()), 170, false),
                PageParts.textColumn("Version", e -> e.version().version(), 110, false),
                StatusChip.<PlannedVersion>column(e -> e.version().status().wireName(), 96),
                PageParts.textColumn("Action", e -> e.kind().ruleName(), 70, false),
                PageParts.textColumn("Frees", e -> e.bytesFreed() > 0 ? ByteSizes.format(e.bytesFreed()) : "",
                        70, true),
                PageParts.textColumn("Why", e -> e.reason().text(), 220, false)));
        TableView<VersionResult> report = table("bulk-results", viewModel.results());
        report.getColumns().setAll(List.of(
                PageParts.textColumn("Package", r -> name(r.change().pkg()), 170, false),
                PageParts.textColumn("Version", r -> r.change().version(), 110, false),
                PageParts.textColumn("Action", r -> r.change().action().kind().ruleName(), 70, false),
                PageParts.textColumn("Result", r -> r.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        70, false),
                PageParts.textColumn("Code", r -> r.errorCode().orElse(""), 150, false),
                PageParts.textColumn("Message", VersionResult::message, 200, false)));
        VBox failed = PageParts.errorBox("The versions could not be planned", viewModel.errorMessageProperty());
        viewModel.stageProperty().subscribe(stage -> {
            loading.setVisible(stage == Stage.LOADING);
            plan.setVisible(stage == Stage.PLANNED || stage == Stage.RUNNING);
            report.setVisible(stage == Stage.DONE);
            failed.setVisible(stage == Stage.FAILED);
        });
        StackPane stack = new StackPane(plan, report, loading, failed);
        VBox.setVgrow(stack, Priority.ALWAYS);
        return stack;
    }

    private Node running() {
        ProgressBar bar = new ProgressBar();
        bar.setId("bulk-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.progressProperty().bind(viewModel.progressProperty());
        Label text = new Label();
        text.setId("bulk-progress-text");
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.textProperty().bind(viewModel.progressTextProperty());
        Button cancel = new Button("Cancel the run", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("bulk-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.disableProperty().bind(viewModel.cancellingProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        HBox row = new HBox(8, bar, text, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        shownWhen(row, viewModel.stageProperty().isEqualTo(Stage.RUNNING));
        return row;
    }

    /** For dispose and delete: the repository's name typed, or archive instead. */
    private Node confirmation() {
        Label warning = new Label();
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.getStyleClass().add(Styles.WARNING);
        warning.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        String repository = viewModel.selection().repository();
        warning.textProperty().bind(viewModel.actionProperty().map(kind -> (kind == ActionKind.DELETE
                ? "Deleted versions are gone for good" : "Disposed versions lose their files for good")
                + ": type the repository's name, " + repository + ", to go ahead. Archiving hides them from"
                + " installs and can be undone."));
        TextField typed = new TextField();
        typed.setId("bulk-typed-name");
        typed.setPromptText(repository);
        typed.setPrefColumnCount(18);
        typed.textProperty().bindBidirectional(viewModel.typedNameProperty());
        typed.setOnAction(e -> viewModel.run());
        Button archive = new Button("Archive instead", new FontIcon(Feather.ARCHIVE));
        archive.setId("bulk-archive-instead");
        archive.setMinWidth(Region.USE_PREF_SIZE);
        archive.setOnAction(e -> viewModel.archiveInstead());
        Label error = new Label();
        error.setId("bulk-typed-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        error.textProperty().bind(viewModel.typedNameErrorProperty());
        shownWhen(error, viewModel.typedNameErrorProperty().isNotEmpty());
        HBox row = new HBox(8, fieldName("Repository name"), typed, archive);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, warning, row, error);
        box.getStyleClass().add("details-panel");
        shownWhen(box, viewModel.irreversibleProperty().and(viewModel.stageProperty().isEqualTo(Stage.PLANNED)));
        return box;
    }

    private Node buttons() {
        Button close = new Button();
        close.setId("bulk-close");
        close.setCancelButton(true);
        close.textProperty().bind(viewModel.stageProperty().map(s -> s == Stage.DONE || s == Stage.FAILED
                ? "Close" : "Cancel"));
        close.disableProperty().bind(viewModel.stageProperty().isEqualTo(Stage.RUNNING));
        close.setOnAction(e -> close());
        Button run = new Button();
        run.setId("bulk-run");
        run.setGraphic(new FontIcon(Feather.PLAY));
        run.textProperty().bind(Bindings.createStringBinding(() -> BulkActionViewModel.verb(
                        viewModel.actionProperty().get()) + " " + BulkSelection.count(viewModel.planProperty().get()
                        .map(p -> p.changes().size()).orElse(0), "version"), viewModel.actionProperty(),
                viewModel.planProperty()));
        viewModel.irreversibleProperty().subscribe(danger -> {
            run.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
            run.getStyleClass().add(danger ? Styles.DANGER : Styles.ACCENT);
        });
        run.disableProperty().bind(viewModel.canRunProperty().not());
        run.setOnAction(e -> viewModel.run());
        shownWhen(run, viewModel.stageProperty().isNotEqualTo(Stage.DONE));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, spacer, close, run);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private static <T> TableView<T> table(String id, ObservableList<T> items) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.getStyleClass().add(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static String name(PackageRef pkg) {
        return PackageInfo.display(pkg.format().wireName(), pkg.namespace(), pkg.name());
    }

    private static CheckBox checkBox(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static Label fieldName(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static void shownWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}

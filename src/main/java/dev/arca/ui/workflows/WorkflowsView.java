package dev.arca.ui.workflows;

import atlantafx.base.theme.Styles;
import dev.arca.core.retention.ActionKind;
import dev.arca.core.retention.PlannedVersion;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.workflows.WorkflowsViewModel.Field;
import dev.arca.ui.workflows.WorkflowsViewModel.Stage;
import dev.arca.workflow.VersionResult;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Workflows page: on the left the cleanup rule (fields like {@code arca cleanup}'s flags, or a rules file), on
 * the right its plan for the repository, then the run's progress and each version's result.
 */
public final class WorkflowsView extends BorderPane {

    private final WorkflowsViewModel viewModel;

    public WorkflowsView(WorkflowsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("page-workflows");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET);
        Label title = new Label("Workflows");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Retention cleanup in bulk: build a rule, preview its plan, then apply it — "
                + "journalled, with each version's result.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        setTop(new VBox(4, title, subtitle));

        ScrollPane builder = new ScrollPane(builder());
        builder.setFitToWidth(true);
        builder.setMinWidth(260);
        SplitPane split = new SplitPane(builder, results());
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(builder, false);
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        setCenter(split);
        sceneProperty().subscribe(scene -> {
            if (scene != null && viewModel.domainProperty().get() == null) {
                viewModel.loadDomains();
            }
        });
    }

    private Node builder() {
        VBox box = new VBox(6);
        box.setPadding(new Insets(8, 12, 12, 4));
        ComboBox<String> domain = new ComboBox<>(viewModel.domains());
        domain.setId("workflow-domain");
        domain.valueProperty().bindBidirectional(viewModel.domainProperty());
        ComboBox<String> repository = new ComboBox<>(viewModel.repositories());
        repository.setId("workflow-repository");
        repository.valueProperty().bindBidirectional(viewModel.repositoryProperty());
        domain.setMaxWidth(Double.MAX_VALUE);
        repository.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().addAll(heading("Where"), caption("Domain"), domain, caption("Repository"), repository);

        Button loadFile = new Button("Load rules file…");
        loadFile.setId("workflow-load-rules");
        loadFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Load a rules file");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Rules (YAML, JSON)", "*.yaml",
                    "*.yml", "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
            File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                viewModel.loadRulesFile(chosen.toPath());
            }
        });
        Button useFields = new Button("Use the fields");
        useFields.setId("workflow-use-fields");
        useFields.setOnAction(e -> viewModel.useFields());
        Label fileName = new Label();
        fileName.setWrapText(true);
        fileName.textProperty().bind(viewModel.rulesFileProperty().map(f -> f.map(p -> "Rules from "
                + p.getFileName()).orElse("")));
        fileName.managedProperty().bind(fileName.textProperty().isNotEmpty());
        Label fileError = error(viewModel.rulesFileErrorProperty());
        fileError.setId("workflow-rules-file-error");
        VBox fields = fields();
        fields.disableProperty().bind(viewModel.rulesFileProperty().map(Optional::isPresent));
        useFields.visibleProperty().bind(viewModel.rulesFileProperty().map(Optional::isPresent));
        useFields.managedProperty().bind(useFields.visibleProperty());
        HBox fileButtons = new HBox(8, loadFile, useFields);
        box.getChildren().addAll(heading("Rule"), fileButtons, fileName, fileError, fields);
        box.disableProperty().bind(viewModel.stageProperty().map(s -> s == Stage.PLANNING || s == Stage.RUNNING));
        return box;
    }

    private VBox fields() {
        VBox box = new VBox(6);
        ComboBox<String> format = new ComboBox<>();
        format.getItems().setAll("", "generic", "maven", "npm", "pypi", "nuget", "ruby", "swift", "cargo");
        format.setEditable(true);
        format.setId("workflow-format");
        format.setPromptText("any format");
        format.setMaxWidth(Double.MAX_VALUE);
        format.getEditor().textProperty().bindBidirectional(viewModel.formatProperty());
        field(box, "Format", format, Field.FORMAT);
        field(box, "Namespace", text("workflow-namespace", "any", viewModel.namespaceProperty()), Field.NAMESPACE);
        field(box, "Package prefix", text("workflow-package-prefix", "any package",
                viewModel.packagePrefixProperty()), Field.PACKAGE_PREFIX);
        FlowPane statuses = new FlowPane(10, 4);
        for (String status : WorkflowsViewModel.STATUSES) {
            CheckBox check = new CheckBox(status);
            check.setId("workflow-status-" + status.toLowerCase(java.util.Locale.ROOT));
            check.selectedProperty().bindBidirectional(viewModel.statusProperty(status));
            statuses.getChildren().add(check);
        }
        field(box, "Statuses (none ticked: all)", statuses, Field.STATUS);
        field(box, "Version regex", text("workflow-version-regex", "the whole version matches",
                viewModel.versionRegexProperty()), Field.VERSION_REGEX);
        field(box, "Keep newest", text("workflow-keep-newest", "per package, e.g. 10",
                viewModel.keepNewestProperty()), Field.KEEP_NEWEST);
        field(box, "Older than days", text("workflow-older-than-days", "e.g. 30",
                viewModel.olderThanDaysProperty()), Field.OLDER_THAN_DAYS);
        CheckBox keepLatest = new CheckBox("Keep the latest release and default version");
        keepLatest.setId("workflow-keep-latest");
        keepLatest.selectedProperty().bindBidirectional(viewModel.keepLatestProperty());
        keepLatest.setWrapText(true);
        box.getChildren().add(keepLatest);
        ComboBox<String> action = new ComboBox<>();
        action.getItems().setAll(WorkflowsViewModel.ACTIONS);
        action.setId("workflow-action");
        action.valueProperty().bindBidirectional(viewModel.actionProperty());
        action.setMaxWidth(Double.MAX_VALUE);
        field(box, "Action", action, Field.ACTION);
        TextField destination = text("workflow-destination", "repository to copy to",
                viewModel.destinationProperty());
        VBox destinationBox = field(new VBox(4), "Destination", destination, Field.DESTINATION);
        destinationBox.visibleProperty().bind(viewModel.actionProperty().map("copy"::equals));
        destinationBox.managedProperty().bind(destinationBox.visibleProperty());
        box.getChildren().add(destinationBox);
        return box;
    }

    private VBox field(VBox box, String label, Node input, Field field) {
        Label message = error(viewModel.errorProperty(field));
        message.setId("workflow-error-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        box.getChildren().addAll(caption(label), input, message);
        return box;
    }

    private Node results() {
        Button plan = new Button("Plan", new org.kordamp.ikonli.javafx.FontIcon(Feather.LIST));
        plan.setId("workflow-plan");
        plan.getStyleClass().add(Styles.ACCENT);
        plan.disableProperty().bind(viewModel.canPlanProperty().not());
        plan.setOnAction(e -> viewModel.plan());
        Button apply = new Button("Apply…", new org.kordamp.ikonli.javafx.FontIcon(Feather.PLAY));
        apply.setId("workflow-apply");
        apply.disableProperty().bind(viewModel.canApplyProperty().not());
        apply.setOnAction(e -> viewModel.apply());
        Button cancel = new Button("Cancel");
        cancel.setId("workflow-cancel");
        cancel.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.stageProperty().get() != Stage.RUNNING || viewModel.cancellingProperty().get(),
                viewModel.stageProperty(), viewModel.cancellingProperty()));
        cancel.setOnAction(e -> viewModel.cancel());
        Button export = new Button("Export…", new org.kordamp.ikonli.javafx.FontIcon(Feather.DOWNLOAD));
        export.setId("workflow-export");
        export.disableProperty().bind(viewModel.reportProperty().map(Optional::isEmpty));
        export.setOnAction(e -> viewModel.export());
        ComboBox<Optional<ActionKind>> filter = new ComboBox<>();
        List<Optional<ActionKind>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        for (ActionKind kind : ActionKind.values()) {
            choices.add(Optional.of(kind));
        }
        filter.getItems().setAll(choices);
        filter.setId("workflow-filter");
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<ActionKind> kind) {
                return kind == null ? "" : kind.map(k -> "Only " + k.ruleName()).orElse("All actions");
            }

            @Override
            public Optional<ActionKind> fromString(String text) {
                return Optional.empty();
            }
        });
        filter.valueProperty().bindBidirectional(viewModel.actionFilterProperty());
        filter.visibleProperty().bind(viewModel.stageProperty().map(s -> s == Stage.PLANNED));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, plan, apply, cancel, export, gap, filter);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("workflow-summary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.stageProperty().flatMap(s -> s == Stage.RUN
                ? viewModel.runSummaryProperty() : viewModel.planSummaryProperty()));
        Label freed = new Label();
        freed.setId("workflow-bytes-freed");
        freed.getStyleClass().add(Styles.TEXT_MUTED);
        freed.textProperty().bind(viewModel.stageProperty().flatMap(s -> s == Stage.RUN || s == Stage.RUNNING
                ? viewModel.journalNameProperty() : viewModel.bytesFreedProperty()));
        freed.setWrapText(true);
        freed.managedProperty().bind(freed.textProperty().isNotEmpty());
        freed.visibleProperty().bind(freed.managedProperty());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        ProgressBar bar = new ProgressBar();
        bar.setId("workflow-progress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setPrefWidth(260);
        Label progressText = new Label();
        progressText.setId("workflow-progress-text");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        HBox progress = new HBox(10, bar, progressText);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(viewModel.stageProperty().map(s -> s == Stage.PLANNING
                || s == Stage.RUNNING || s == Stage.RUN));
        progress.managedProperty().bind(progress.visibleProperty());
        Label failure = error(viewModel.errorMessageProperty());
        failure.setId("workflow-error");

        TableView<PlannedVersion> planTable = new TableView<>(viewModel.planEntries());
        planTable.setId("workflow-plan-table");
        planTable.getColumns().setAll(List.of(
                PageParts.<PlannedVersion>textColumn("Package", v -> v.pkg().display(), 205, false),
                PageParts.<PlannedVersion>textColumn("Version", v -> v.version().version(), 80, false),
                PageParts.<PlannedVersion>textColumn("Status", v -> v.version().status().wireName(), 85, false),
                PageParts.<PlannedVersion>textColumn("Action", v -> v.kind().ruleName(), 70, false),
                PageParts.<PlannedVersion>textColumn("Reason", v -> v.reason().text(), 260, false)));
        planTable.getColumns().forEach(WorkflowsView::fullTextOnHover);
        planTable.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        planTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableView<VersionResult> runTable = new TableView<>(viewModel.results());
        runTable.setId("workflow-run-table");
        runTable.getColumns().setAll(List.of(
                PageParts.<VersionResult>textColumn("Package", r -> r.change().pkg().display(), 205, false),
                PageParts.<VersionResult>textColumn("Version", r -> r.change().version(), 80, false),
                PageParts.<VersionResult>textColumn("Action", r -> r.change().action().kind().ruleName(), 80, false),
                PageParts.<VersionResult>textColumn("Result", r -> word(r.kind()), 80, false),
                PageParts.<VersionResult>textColumn("Message", r -> r.errorCode().map(c -> c + ": ").orElse("")
                        + r.message(), 260, false)));
        runTable.getColumns().forEach(WorkflowsView::fullTextOnHover);
        runTable.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        runTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runTable.setPlaceholder(new Label("The results show when the run ends."));
        Node idle = PageParts.stateBox(Feather.LAYERS, "No plan yet",
                "Build a rule on the left, then Plan: every version of the repository is listed with what the rule "
                        + "does to it, before anything changes.");
        StackPane content = new StackPane(idle, planTable, runTable);
        viewModel.stageProperty().subscribe(s -> {
            idle.setVisible(s == Stage.BUILDING || s == Stage.PLANNING);
            planTable.setVisible(s == Stage.PLANNED);
            runTable.setVisible(s == Stage.RUNNING || s == Stage.RUN);
        });
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(8, buttons, progress, summary, freed, failure, content);
        box.setPadding(new Insets(8, 4, 4, 12));
        return box;
    }

    /** A cell too narrow for its text shows it whole on hover. */
    @SuppressWarnings("unchecked")
    private static <T> void fullTextOnHover(javafx.scene.control.TableColumn<T, ?> anyColumn) {
        var column = (javafx.scene.control.TableColumn<T, String>) anyColumn; // every column here is a text column
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
    }

    private static String word(VersionResult.Kind kind) {
        return switch (kind) {
            case DONE -> "done";
            case SKIPPED -> "skipped";
            case FAILED -> "failed";
            case NOT_RUN -> "not run";
        };
    }

    private static TextField text(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    private static Label error(javafx.beans.value.ObservableValue<String> message) {
        Label label = new Label();
        label.textProperty().bind(message);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.visibleProperty().bind(message.map(m -> !m.isEmpty()));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}

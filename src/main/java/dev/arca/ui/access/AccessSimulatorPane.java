package dev.arca.ui.access;

import atlantafx.base.theme.Styles;
import dev.arca.core.iam.DecidingStatement;
import dev.arca.core.iam.PrincipalArn;
import dev.arca.core.iam.SimulationAnswer;
import dev.arca.ui.common.PageParts;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The access simulator as a Node for a tab of the Policies page: the question form, its answer (verdict, deciding
 * statements, missing context values to fill in) and the repository's access matrix with its "what changes" mode.
 * Binds only; everything it shows comes from {@link AccessSimulatorViewModel}.
 */
public final class AccessSimulatorPane extends ScrollPane {

    private static final String STYLESHEET = Objects.requireNonNull(
            AccessSimulatorPane.class.getResource("/dev/arca/ui/access/access.css")).toExternalForm();

    private final AccessSimulatorViewModel viewModel;
    private Consumer<DecidingStatement> onStatementChosen = statement -> { };

    public AccessSimulatorPane(AccessSimulatorViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("access-simulator");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET, STYLESHEET);
        setFitToWidth(true);
        VBox content = new VBox(24, question(), answer(), matrix());
        content.getStyleClass().add("access-simulator");
        content.setPadding(new javafx.geometry.Insets(16));
        setContent(content);
    }

    /** What choosing one of the deciding statements does, e.g. show it in the policy editor. */
    public void setOnStatementChosen(Consumer<DecidingStatement> action) {
        onStatementChosen = Objects.requireNonNull(action);
    }

    private Node question() {
        Label title = new Label("Can a principal do an action on a resource?");
        title.getStyleClass().add(Styles.TITLE_4);
        ComboBox<String> principal = editableChoice("simulate-principal", viewModel.principalProperty(),
                viewModel.principals().stream().map(PrincipalArn::arn).toList());
        viewModel.principals().subscribe(() -> principal.getItems().setAll(
                viewModel.principals().stream().map(PrincipalArn::arn).toList()));
        ComboBox<String> action = editableChoice("simulate-action", viewModel.actionProperty(), viewModel.actions());
        ComboBox<String> resource = editableChoice("simulate-resource", viewModel.resourceProperty(),
                viewModel.resources());
        viewModel.resources().subscribe(() -> resource.getItems().setAll(viewModel.resources()));

        GridPane form = new GridPane(12, 4);
        addField(form, 0, "Principal", principal, viewModel.principalProblemProperty(), "principal-problem");
        addField(form, 2, "Action", action, viewModel.actionProblemProperty(), "action-problem");
        addField(form, 4, "Resource", resource, viewModel.resourceProblemProperty(), "resource-problem");

        Button ask = new Button("Ask", new FontIcon(Feather.HELP_CIRCLE));
        PageParts.offer(this, "Ask the access simulator", ask);
        ask.setId("simulate-ask");
        ask.getStyleClass().add(Styles.ACCENT);
        ask.disableProperty().bind(viewModel.canAskProperty().not());
        ask.setOnAction(e -> viewModel.ask());
        CheckBox useDraft = new CheckBox("Answer with the unsaved draft");
        useDraft.setId("simulate-use-draft");
        useDraft.selectedProperty().bindBidirectional(viewModel.useDraftProperty());
        useDraft.disableProperty().bind(viewModel.draftProperty().isEmpty());
        Button reload = new Button("Reload policies", new FontIcon(Feather.REFRESH_CW));
        reload.setId("simulate-load");
        reload.setOnAction(e -> viewModel.load());
        HBox actions = new HBox(12, ask, useDraft, reload);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(12, title, form, actions);
    }

    private static ComboBox<String> editableChoice(String id, StringProperty value, java.util.List<String> items) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.setId(id);
        box.setEditable(true);
        box.setPrefWidth(560);
        box.getEditor().textProperty().bindBidirectional(value);
        box.valueProperty().subscribe(chosen -> {
            if (chosen != null) {
                value.set(chosen);
            }
        });
        return box;
    }

    private static void addField(GridPane form, int row, String label, Node field, ObservableValue<String> problem,
                                 String problemId) {
        form.add(new Label(label), 0, row);
        form.add(field, 1, row);
        Label sentence = problemLabel(problem, problemId);
        form.add(sentence, 1, row + 1);
        field.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        problem.subscribe(p -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !p.isEmpty()));
    }

    private static Label problemLabel(ObservableValue<String> problem, String id) {
        Label sentence = new Label();
        sentence.setId(id);
        sentence.setWrapText(true);
        sentence.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        sentence.textProperty().bind(problem);
        sentence.managedProperty().bind(sentence.textProperty().isNotEmpty());
        sentence.visibleProperty().bind(sentence.managedProperty());
        return sentence;
    }

    private Node answer() {
        Label verdict = new Label();
        verdict.setId("simulate-verdict");
        verdict.getStyleClass().add("verdict-chip");
        Label sentence = new Label();
        sentence.setId("simulate-sentence");
        sentence.setWrapText(true);
        viewModel.answerProperty().subscribe(answer -> {
            verdict.getStyleClass().removeAll("allowed", "denied");
            verdict.setText(answer.map(a -> a.verdict().wireName()).orElse(""));
            verdict.setVisible(answer.isPresent());
            answer.ifPresent(a -> verdict.getStyleClass().add(a.allowed() ? "allowed" : "denied"));
            sentence.setText(answer.map(SimulationAnswer::sentence)
                    .orElse("Ask a question to see the verdict and the statements that decide it."));
        });
        HBox head = new HBox(12, verdict, sentence);
        head.setAlignment(Pos.CENTER_LEFT);

        ListView<DecidingStatement> statements = new ListView<>(viewModel.decidingStatements());
        statements.setId("simulate-statements");
        statements.setPrefHeight(96);
        statements.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(DecidingStatement item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.describe());
            }
        });
        statements.getSelectionModel().selectedItemProperty().subscribe(chosen -> {
            if (chosen != null) {
                onStatementChosen.accept(chosen);
            }
        });
        statements.setPlaceholder(new Label("No statement decided it: nothing allows the request."));

        Label error = problemLabel(viewModel.errorProperty(), "simulate-error");
        return new VBox(8, head, new Label("Deciding statements"), statements, context(), error);
    }

    private Node context() {
        Label heading = new Label("Context values the policies ask for");
        VBox rows = new VBox(4);
        rows.setId("simulate-context");
        ObservableList<ContextRow> entries = viewModel.contextValues();
        entries.subscribe(() -> rows.getChildren().setAll(entries.stream().map(row -> {
            TextField value = new TextField();
            value.setId("context-" + row.key().replace(':', '-'));
            value.setPromptText("value for " + row.key());
            value.textProperty().bindBidirectional(row.valueProperty());
            value.setOnAction(e -> viewModel.ask());
            Label key = new Label(row.key());
            key.setMinWidth(180);
            HBox line = new HBox(8, key, value);
            line.setAlignment(Pos.CENTER_LEFT);
            return (Node) line;
        }).toList()));
        VBox box = new VBox(4, heading, rows);
        box.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(entries));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private Node matrix() {
        MatrixState state = viewModel.matrix();
        Label title = new Label("Who may do what in this repository");
        title.getStyleClass().add(Styles.TITLE_4);
        TextField packageName = new TextField();
        packageName.setId("matrix-package");
        packageName.setPrefColumnCount(22);
        packageName.textProperty().bindBidirectional(viewModel.packageNameProperty());
        Button run = new Button("Work out", new FontIcon(Feather.GRID));
        run.setId("matrix-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(state.canRunProperty().not());
        run.setOnAction(e -> state.run());
        Button diff = new Button("What the draft changes", new FontIcon(Feather.GIT_PULL_REQUEST));
        diff.setId("matrix-diff");
        diff.disableProperty().bind(state.canDiffProperty().not());
        diff.setOnAction(e -> state.runDiff());
        Button cancel = new Button("Stop", new FontIcon(Feather.X_SQUARE));
        cancel.setId("matrix-cancel");
        cancel.visibleProperty().bind(state.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> state.cancel());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(state.progressProperty());
        progress.visibleProperty().bind(state.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("matrix-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(state.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Publish to package"), packageName, run, diff, cancel, progress, spacer);
        bar.setAlignment(Pos.CENTER_LEFT);

        TextArea explanation = new TextArea();
        explanation.setId("matrix-explanation");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.setPrefRowCount(5);
        explanation.textProperty().bind(state.explanationProperty().map(text -> text.isEmpty()
                ? "Click a cell to see the verdict of each action it needs and the statements that decided it."
                : text));
        return new VBox(12, title, bar, problemLabel(viewModel.packageProblemProperty(), "matrix-package-problem"),
                status, new MatrixGrid(state), explanation);
    }
}

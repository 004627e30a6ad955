package dev.arca.ui.graph;

import atlantafx.base.theme.Styles;
import dev.arca.core.PackageFormat;
import dev.arca.core.graph.PackageTrace;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Trace tab: which package to trace from the selected repository, and what each repository does for it. */
final class TracePanel extends VBox {

    TracePanel(UpstreamGraphViewModel page) {
        super(8);
        PackageTraceViewModel viewModel = page.trace();
        setId("graph-trace");
        ComboBox<PackageFormat> format = new ComboBox<>();
        format.setId("trace-format");
        format.getItems().setAll(viewModel.formats());
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(PackageFormat f) {
                return f == null ? "" : f.wireName();
            }

            @Override
            public PackageFormat fromString(String s) {
                return PackageFormat.fromWire(s).orElse(null);
            }
        });
        TextField namespace = field("trace-namespace", "scope or group (optional)");
        namespace.textProperty().bindBidirectional(viewModel.namespaceProperty());
        TextField name = field("trace-name", "package name");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        TextField version = field("trace-version", "version (optional)");
        version.textProperty().bindBidirectional(viewModel.versionProperty());
        GridPane form = new GridPane(8, 6);
        form.addRow(0, new Label("Format"), format);
        form.addRow(1, new Label("Namespace"), namespace);
        form.addRow(2, new Label("Package"), name);
        form.addRow(3, new Label("Version"), version);
        GridPane.setHgrow(name, Priority.ALWAYS);

        Button trace = new Button("Trace", new FontIcon(Feather.CORNER_DOWN_RIGHT));
        trace.setId("trace-run");
        trace.getStyleClass().add(Styles.ACCENT);
        trace.disableProperty().bind(viewModel.canTraceProperty().not().or(page.selectedProperty().isNull()));
        trace.setOnAction(e -> page.traceSelected());
        name.setOnAction(e -> page.traceSelected());
        version.setOnAction(e -> page.traceSelected());
        Button stop = new Button("Stop");
        stop.visibleProperty().bind(viewModel.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> viewModel.cancel());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(viewModel.runningProperty());
        HBox actions = new HBox(8, trace, stop, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label();
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.textProperty().bind(page.selectedProperty().map(r -> "From " + r + ": each repository in search order,"
                + " whether it has the package, and where a client would be served from.")
                .orElse("Select a repository on the graph to trace a package from it."));

        Label conclusion = new Label();
        conclusion.setId("trace-conclusion");
        conclusion.setWrapText(true);
        conclusion.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        conclusion.getStyleClass().add("trace-conclusion");
        conclusion.textProperty().bind(viewModel.messageProperty());

        ListView<PackageTrace.Step> steps = new ListView<>();
        steps.setId("trace-steps");
        steps.setPrefHeight(260);
        steps.setCellFactory(list -> new StepCell());
        viewModel.resultProperty().subscribe(result -> steps.getItems().setAll(
                result.map(PackageTrace::steps).orElse(java.util.List.of())));
        VBox.setVgrow(steps, Priority.ALWAYS);
        getChildren().addAll(hint, form, actions, conclusion, steps);
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** One repository of a trace: position, name, what it has, and what it does for the request. */
    private static final class StepCell extends ListCell<PackageTrace.Step> {
        @Override
        protected void updateItem(PackageTrace.Step step, boolean empty) {
            super.updateItem(step, empty);
            if (empty || step == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label(step.position() + "  " + step.repository() + "  —  " + role(step));
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label facts = new Label(facts(step));
            facts.getStyleClass().add(Styles.TEXT_MUTED);
            facts.setWrapText(true);
            facts.setPrefWidth(330);
            facts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            setGraphic(new VBox(2, title, facts));
            setText(null);
        }

        private static String role(PackageTrace.Step step) {
            return switch (step.role()) {
                case SERVES -> "serves it";
                case FETCHES -> "fetches it through " + step.connection().orElse("its connection");
                case MAY_FETCH -> "may fetch it through " + step.connection().orElse("its connection");
                case NOT_CONSULTED -> "not consulted";
                case SEARCHED -> step.stored().isPresent() ? "has the package" : "does not have it";
            };
        }

        private static String facts(PackageTrace.Step step) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            step.stored().ifPresentOrElse(stored -> {
                stored.version().ifPresentOrElse(
                        v -> parts.add("version " + v.status() + "; recorded " + v.recorded()),
                        () -> parts.add(stored.versionCount() > 0 ? stored.versionCount() + " versions"
                                + stored.defaultVersion().map(d -> ", latest " + d).orElse("")
                                : "package here, not this version"));
                parts.add("origin controls publish " + stored.publish() + ", upstream " + stored.upstream());
            }, () -> parts.add("no package here"));
            step.stopsHere().ifPresent(reason -> parts.add("search stops here: " + reason));
            step.connectionRefused().ifPresent(reason -> parts.add("connection not used: " + reason));
            return String.join("; ", parts);
        }
    }
}

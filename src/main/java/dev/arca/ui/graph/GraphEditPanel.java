package dev.arca.ui.graph;

import atlantafx.base.theme.Styles;
import dev.arca.core.graph.GraphEdits;
import dev.arca.core.graph.GraphRepository;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Edit tab: the selected repository's upstreams in priority order to reorder or remove, one to add, its
 * external connection to attach or detach; then every pending change with Undo, Discard and Apply.
 */
final class GraphEditPanel extends VBox {

    private final UpstreamGraphViewModel page;
    private final GraphEditorViewModel editor;
    private final ListView<String> upstreams = new ListView<>();

    GraphEditPanel(UpstreamGraphViewModel page) {
        super(8);
        this.page = page;
        this.editor = page.editor();
        setId("graph-edit");
        Label hint = new Label("Drag from a repository to another to add an upstream, or onto a public repository to"
                + " connect it. Nothing is sent until you apply.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        upstreams.setId("edit-upstreams");
        upstreams.setPrefHeight(124);
        upstreams.getStyleClass().add(Styles.DENSE);
        upstreams.setCellFactory(list -> new UpstreamCell());
        Label upstreamsTitle = new Label();
        upstreamsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        page.detailsProperty().subscribe(details -> {
            upstreams.getItems().setAll(details.map(GraphRepository::upstreams).orElse(List.of()));
            upstreamsTitle.setText(details.map(r -> "Upstreams of " + r.name() + ", searched in this order")
                    .orElse("Select a repository to edit its upstreams"));
        });

        ComboBox<String> add = new ComboBox<>();
        add.setId("edit-add-upstream");
        add.setPromptText("Add an upstream");
        add.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(add, Priority.ALWAYS);
        page.pictureProperty().subscribe(p -> add.getItems().setAll(p.map(x -> x.graph().repositories().stream()
                .map(GraphRepository::name).toList()).orElse(List.of())));
        Button addButton = new Button("Add", new FontIcon(Feather.PLUS));
        addButton.setId("edit-add");
        addButton.disableProperty().bind(add.valueProperty().isNull().or(page.selectedProperty().isNull()));
        addButton.setOnAction(e -> {
            editor.addUpstream(page.selectedProperty().get(), add.getValue());
            add.setValue(null);
        });

        ComboBox<String> connection = new ComboBox<>();
        connection.setId("edit-connection");
        connection.setPromptText("External connection");
        connection.getItems().setAll(page.connectionChoices());
        connection.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(connection, Priority.ALWAYS);
        Button attach = new Button("Connect", new FontIcon(Feather.GLOBE));
        attach.setId("edit-attach");
        attach.disableProperty().bind(connection.valueProperty().isNull().or(page.selectedProperty().isNull()));
        attach.setOnAction(e -> editor.setConnection(page.selectedProperty().get(), Optional.of(connection.getValue())));
        Button detach = new Button("Detach");
        detach.setId("edit-detach");
        detach.disableProperty().bind(Bindings.createBooleanBinding(() -> page.detailsProperty().get()
                .flatMap(GraphRepository::externalConnection).isEmpty(), page.detailsProperty()));
        detach.setOnAction(e -> editor.setConnection(page.selectedProperty().get(), Optional.empty()));
        page.detailsProperty().subscribe(d -> connection.setValue(d.flatMap(GraphRepository::externalConnection)
                .orElse(null)));

        Label rejection = new Label();
        rejection.setId("edit-rejection");
        rejection.setWrapText(true);
        rejection.setMinHeight(Region.USE_PREF_SIZE);
        rejection.getStyleClass().add(Styles.DANGER);
        rejection.textProperty().bind(editor.rejectionProperty().map(p -> p.map(x -> x.message()).orElse("")));
        rejection.managedProperty().bind(rejection.textProperty().isNotEmpty());

        ListView<GraphEdits.Change> changes = new ListView<>(editor.changes());
        changes.setId("edit-changes");
        changes.setPrefHeight(84);
        changes.getStyleClass().add(Styles.DENSE);
        changes.setPlaceholder(new Label("No pending changes."));
        changes.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(GraphEdits.Change change, boolean empty) {
                super.updateItem(change, empty);
                setText(empty || change == null ? null : change.summary());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label changesTitle = new Label();
        changesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        changesTitle.textProperty().bind(Bindings.size(editor.changes()).map(n -> n.intValue() == 0
                ? "Pending changes" : n + " repositor" + (n.intValue() == 1 ? "y" : "ies") + " to change"));

        Button undo = new Button("Undo", new FontIcon(Feather.ROTATE_CCW));
        undo.setId("edit-undo");
        undo.disableProperty().bind(editor.canUndoProperty().not());
        undo.setOnAction(e -> editor.undo());
        Button discard = new Button("Discard");
        discard.setId("edit-discard");
        discard.disableProperty().bind(editor.canUndoProperty().not());
        discard.setOnAction(e -> editor.discard());
        Button apply = new Button("Apply", new FontIcon(Feather.CHECK));
        apply.setId("edit-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(editor.canApplyProperty().not());
        apply.setOnAction(e -> editor.apply());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, undo, discard, spacer, apply);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("edit-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(editor.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());

        getChildren().addAll(hint, upstreamsTitle, upstreams, row(add, addButton), row(connection, attach, detach),
                rejection, changesTitle, changes, buttons, status);
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** An upstream with its priority and buttons to move it or take it away. */
    private final class UpstreamCell extends ListCell<String> {
        @Override
        protected void updateItem(String upstream, boolean empty) {
            super.updateItem(upstream, empty);
            if (empty || upstream == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            String repository = page.selectedProperty().get();
            Label label = new Label((getIndex() + 1) + "  " + upstream);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button up = small(Feather.ARROW_UP, "Search earlier", () -> editor.moveUpstream(repository, upstream, -1));
            up.setDisable(getIndex() == 0);
            Button down = small(Feather.ARROW_DOWN, "Search later", () -> editor.moveUpstream(repository, upstream, 1));
            down.setDisable(getIndex() == getListView().getItems().size() - 1);
            Button remove = small(Feather.X, "Remove", () -> editor.removeUpstream(repository, upstream));
            remove.setId("edit-remove-" + upstream);
            HBox row = new HBox(4, label, spacer, up, down, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setText(null);
        }

        private static Button small(Feather icon, String tip, Runnable action) {
            Button button = new Button(null, new FontIcon(icon));
            button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            button.setTooltip(new javafx.scene.control.Tooltip(tip));
            button.setAccessibleText(tip);
            button.setOnAction(e -> action.run());
            return button;
        }
    }
}

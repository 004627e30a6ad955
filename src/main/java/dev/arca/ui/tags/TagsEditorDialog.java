package dev.arca.ui.tags;

import atlantafx.base.theme.Styles;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.PageParts;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The tags editor as a dialog: a row per tag, "Add new tag", the reserved tags folded away. Binds only. */
public final class TagsEditorDialog extends Dialog<Void> {

    private final TagsEditorViewModel viewModel;
    private final VBox rowsBox = new VBox(6);

    public TagsEditorDialog(TagsEditorViewModel viewModel, Window owner) {
        this.viewModel = Objects.requireNonNull(viewModel);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Tags of " + viewModel.resourceName());
        setHeaderText("Tags of " + viewModel.resourceName());
        getDialogPane().getStylesheets().add(PageParts.STYLESHEET);
        getDialogPane().setId("tags-editor");
        ButtonType save = new ButtonType("Save tags", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, save);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("tags-save");
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // closes only once the tags are saved
            viewModel.save(this::close);
        });
        getDialogPane().setContent(content());
        getDialogPane().setPrefWidth(560);
        viewModel.rows().addListener((ListChangeListener<TagsEditorViewModel.Row>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) { // typing updates rows; only these rebuild
                    showRows();
                    return;
                }
            }
        });
        viewModel.load();
    }

    private Node content() {
        Label state = new Label();
        state.setId("tags-state");
        state.getStyleClass().add(Styles.TEXT_MUTED);
        state.textProperty().bind(viewModel.stateProperty().map(s -> switch (s) {
            case LOADING -> "Reading the tags…";
            case EMPTY -> "No tags yet.";
            case ERROR -> viewModel.errorMessageProperty().get();
            case READY -> "";
        }));
        state.managedProperty().bind(state.textProperty().isNotEmpty());
        state.visibleProperty().bind(state.managedProperty());

        ScrollPane scroll = new ScrollPane(rowsBox);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(220);

        Button add = new Button("Add new tag", new FontIcon(Feather.PLUS));
        add.setId("tags-add");
        add.disableProperty().bind(viewModel.canAddProperty().not());
        add.setOnAction(e -> viewModel.add());
        Label remaining = new Label();
        remaining.getStyleClass().add(Styles.TEXT_MUTED);
        remaining.textProperty().bind(viewModel.remainingProperty());
        HBox addBar = new HBox(12, add, remaining);
        addBar.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("tags-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        ListView<String> reservedList = new ListView<>(viewModel.reserved());
        reservedList.setPrefHeight(90);
        TitledPane reserved = new TitledPane("AWS reserved tags (read-only)", reservedList);
        reserved.setExpanded(false);
        reserved.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.reserved()));
        reserved.visibleProperty().bind(reserved.managedProperty());
        viewModel.stateProperty().subscribe(s -> rowsBox.setDisable(s == ListState.LOADING));
        return new VBox(10, state, scroll, addBar, problem, reserved);
    }

    private void showRows() {
        rowsBox.getChildren().setAll(viewModel.rows().stream().map(this::rowNode).toList());
    }

    private Node rowNode(TagsEditorViewModel.Row row) {
        TextField key = new TextField();
        key.setPromptText("Key");
        key.getStyleClass().add("tag-key");
        key.textProperty().bindBidirectional(row.keyProperty());
        TextField value = new TextField();
        value.setPromptText("Value (optional)");
        value.getStyleClass().add("tag-value");
        value.textProperty().bindBidirectional(row.valueProperty());
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        Button remove = new Button("Remove");
        remove.getStyleClass().add(Styles.FLAT);
        remove.setOnAction(e -> viewModel.remove(row));
        HBox line = new HBox(8, key, value, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        if (row.keyProperty().get().isEmpty()) {
            key.sceneProperty().subscribe(scene -> {
                if (scene != null) {
                    key.requestFocus();
                }
            });
        }
        return line;
    }
}

package dev.arca.ui.repositories;

import atlantafx.base.theme.Styles;
import dev.arca.core.RepositoryInfo;
import dev.arca.ui.common.PageParts;
import java.util.Objects;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Edit repository": description, upstreams in order, external connection. Returns the saved repository. */
public final class RepositoryEditorDialog extends Dialog<RepositoryInfo> {

    private final RepositoryEditorViewModel viewModel;

    public RepositoryEditorDialog(RepositoryEditorViewModel viewModel, Window owner) {
        this.viewModel = Objects.requireNonNull(viewModel);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Edit " + viewModel.repositoryName());
        setHeaderText("Edit " + viewModel.repositoryName());
        getDialogPane().getStylesheets().add(PageParts.STYLESHEET);
        getDialogPane().setId("repository-editor");
        ButtonType update = new ButtonType("Update repository", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, update);
        Button updateButton = (Button) getDialogPane().lookupButton(update);
        updateButton.setId("repository-update");
        updateButton.disableProperty().bind(viewModel.canSaveProperty().not());
        updateButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // closes only once the service accepted the changes
            viewModel.save(saved -> {
                setResult(saved);
                close();
            });
        });
        setResultConverter(button -> null);
        getDialogPane().setContent(content());
        getDialogPane().setPrefWidth(560);
    }

    private Node content() {
        TextArea description = new TextArea();
        description.setId("repository-description");
        description.setPromptText("What this repository is for (up to 1,000 characters)");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());

        ListView<String> upstreams = new ListView<>(viewModel.upstreams());
        upstreams.setId("repository-upstream-list");
        upstreams.setPrefHeight(150);
        upstreams.setPlaceholder(new Label("No upstreams"));
        Button up = iconButton(Feather.ARROW_UP, "Search earlier");
        Button down = iconButton(Feather.ARROW_DOWN, "Search later");
        Button remove = iconButton(Feather.X, "Remove this upstream");
        var chosen = upstreams.getSelectionModel().selectedItemProperty();
        up.disableProperty().bind(chosen.isNull());
        down.disableProperty().bind(chosen.isNull());
        remove.disableProperty().bind(chosen.isNull());
        up.setOnAction(e -> move(upstreams, -1));
        down.setOnAction(e -> move(upstreams, +1));
        remove.setOnAction(e -> viewModel.removeUpstream(chosen.get()));
        VBox moves = new VBox(6, up, down, remove);
        HBox.setHgrow(upstreams, Priority.ALWAYS);

        MenuButton add = new MenuButton("Associate upstream repository", new FontIcon(Feather.GIT_MERGE));
        add.setId("repository-add-upstream");
        add.getItems().setAll(viewModel.candidates().stream().map(name -> {
            MenuItem item = new MenuItem(name);
            item.setId("upstream-candidate-" + name);
            item.setOnAction(e -> viewModel.addUpstream(name));
            return item;
        }).toList());
        add.setDisable(add.getItems().isEmpty());

        ComboBox<Optional<String>> connection = new ComboBox<>();
        connection.setId("repository-external-connection");
        connection.getItems().setAll(RepositoryEditorViewModel.connectionChoices());
        connection.valueProperty().bindBidirectional(viewModel.externalConnectionProperty());
        connection.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<String> choice) {
                return choice == null ? "" : choice.orElse("None");
            }

            @Override
            public Optional<String> fromString(String text) {
                return RepositoryEditorViewModel.NO_CONNECTION;
            }
        });

        Label problem = new Label();
        problem.setId("repository-editor-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        Label order = new Label("Upstreams are searched in this order, depth first, when a version is missing.");
        order.getStyleClass().add(Styles.TEXT_MUTED);
        order.setWrapText(true);
        return new VBox(8, bold("Description"), description,
                bold("Upstream repositories"), order, new HBox(8, upstreams, moves), add,
                bold("External connection"), connection, problem);
    }

    private void move(ListView<String> list, int direction) {
        String name = list.getSelectionModel().getSelectedItem();
        viewModel.moveUpstream(name, direction);
        list.getSelectionModel().select(name);
    }

    private static Button iconButton(Feather icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().add(Styles.BUTTON_ICON);
        button.setTooltip(new javafx.scene.control.Tooltip(tip));
        button.setAccessibleText(tip);
        return button;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }
}

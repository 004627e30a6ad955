package dev.arca.ui.shell;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The command palette over the window: a search field and the matches under it. Up and Down choose, Enter runs,
 * Escape (or a click beside it) closes; the focus then goes back where it was.
 */
final class PaletteView extends StackPane {

    private static final Map<PaletteItem.Kind, Ikon> ICONS = Map.of(
            PaletteItem.Kind.ACTION, Feather.ZAP,
            PaletteItem.Kind.PAGE, Feather.LAYOUT,
            PaletteItem.Kind.DOMAIN, Feather.GLOBE,
            PaletteItem.Kind.REPOSITORY, Feather.DATABASE,
            PaletteItem.Kind.PACKAGE, Feather.PACKAGE);

    private final PaletteViewModel viewModel;
    private final TextField query = new TextField();
    private final ListView<PaletteItem> list = new ListView<>();
    private Optional<Node> focusBefore = Optional.empty();

    PaletteView(PaletteViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        setId("palette");
        setAlignment(Pos.TOP_CENTER);

        Region backdrop = new Region();
        backdrop.getStyleClass().add("palette-backdrop");
        backdrop.setOnMouseClicked(event -> viewModel.close());
        getChildren().addAll(backdrop, card());

        visibleProperty().bind(viewModel.showingProperty());
        viewModel.showingProperty().subscribe(this::showingChanged);
        viewModel.selectedProperty().subscribe(selected -> selected.ifPresentOrElse(item -> {
            list.getSelectionModel().select(item);
            list.scrollTo(item);
        }, list.getSelectionModel()::clearSelection));
    }

    private Node card() {
        FontIcon search = new FontIcon(Feather.SEARCH);
        query.setId("palette-query");
        query.setPromptText("Jump to a page, domain, repository or package, or run an action");
        query.setAccessibleText("Command palette: type to find");
        query.getStyleClass().add("palette-query");
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        query.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        HBox.setHgrow(query, Priority.ALWAYS);
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("palette-loading");
        loading.visibleProperty().bind(viewModel.loadingProperty());
        HBox field = new HBox(8, search, query, loading);
        field.setAlignment(Pos.CENTER_LEFT);
        field.getStyleClass().add("palette-field");

        list.setId("palette-list");
        list.setItems(viewModel.items());
        list.setFocusTraversable(false);
        list.getStyleClass().addAll("palette-list", Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new ItemCell());
        list.setPlaceholder(new Label("Nothing matches. Try fewer letters."));
        list.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null) {
                viewModel.select(item);
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                viewModel.run(list.getSelectionModel().getSelectedItem());
            }
        });

        Label hint = new Label("↑ ↓ to choose · Enter to open · Esc to close");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "palette-hint");
        hint.setMaxWidth(Double.MAX_VALUE);
        VBox card = new VBox(field, list, hint);
        card.setId("palette-card");
        card.getStyleClass().add("palette-card");
        card.setMaxWidth(640);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setMargin(card, new Insets(48, 24, 24, 24));
        return card;
    }

    private void keyPressed(KeyEvent event) {
        switch (event.getCode()) {
            case DOWN -> viewModel.move(1);
            case UP -> viewModel.move(-1);
            case PAGE_DOWN -> viewModel.move(8);
            case PAGE_UP -> viewModel.move(-8);
            case ENTER -> viewModel.runSelected();
            case ESCAPE -> viewModel.close();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void showingChanged(boolean showing) {
        if (showing) {
            focusBefore = Optional.ofNullable(getScene()).map(scene -> scene.getFocusOwner());
            Platform.runLater(query::requestFocus);
        } else {
            focusBefore.filter(node -> node.getScene() != null && node.isVisible()).ifPresent(Node::requestFocus);
            focusBefore = Optional.empty();
        }
    }

    private static final class ItemCell extends ListCell<PaletteItem> {
        @Override
        protected void updateItem(PaletteItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            FontIcon icon = new FontIcon(ICONS.get(item.kind()));
            icon.getStyleClass().add("palette-icon");
            Label title = new Label(item.title());
            title.getStyleClass().add("palette-title");
            Label detail = new Label(item.detail());
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            detail.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(12, icon, title, spacer, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setAccessibleText(item.title() + ", " + item.detail());
        }
    }
}

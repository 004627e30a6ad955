package dev.arca.ui.domains;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.arca.core.ByteSizes;
import dev.arca.core.DomainInfo;
import dev.arca.core.KeyChoice;
import dev.arca.ui.common.ListState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Domains page: a table of domains, a form to create one, delete with confirmation. Binds only. */
public final class DomainsView extends BorderPane {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final DomainsViewModel viewModel;
    private final TableView<DomainInfo> table = new TableView<>();

    public DomainsView(DomainsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("page-domains");
        getStyleClass().add("domains-page");
        getStylesheets().add(Objects.requireNonNull(DomainsView.class.getResource("domains.css")).toExternalForm());
        setTop(new VBox(16, header(), createForm()));
        setCenter(content());
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(event)) {
                viewModel.refresh();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE && table.isFocused()) {
                viewModel.delete();
                event.consume();
            }
        });
        sceneProperty().subscribe(scene -> {
            if (scene != null && viewModel.domains().isEmpty()) {
                viewModel.refresh();
                viewModel.loadKeys();
            }
        });
    }

    private Node header() {
        Label title = new Label("Domains");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("A domain holds repositories and stores each asset once, encrypted with its key.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh-domains");
        refresh.setOnAction(e -> viewModel.refresh());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("delete-domain");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(viewModel.canDeleteProperty().not());
        delete.setOnAction(e -> viewModel.delete());
        HBox bar = new HBox(8, new VBox(4, title, subtitle), spacer, refresh, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node createForm() {
        TextField name = new TextField();
        name.setId("new-domain-name");
        name.setPromptText("new-domain-name");
        name.setPrefColumnCount(22);
        name.textProperty().bindBidirectional(viewModel.newNameProperty());
        name.setOnAction(e -> viewModel.create());
        viewModel.nameProblemProperty().subscribe(problem ->
                name.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.isEmpty()));

        ComboBox<Optional<KeyChoice>> key = new ComboBox<>(viewModel.keys());
        key.setId("new-domain-key");
        key.valueProperty().bindBidirectional(viewModel.keyProperty());
        key.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<KeyChoice> choice) {
                return choice == null ? "" : choice.map(KeyChoice::label).orElse("AWS managed key");
            }

            @Override
            public Optional<KeyChoice> fromString(String text) {
                return DomainsViewModel.MANAGED_KEY;
            }
        });
        key.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Optional<KeyChoice> item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : key.getConverter().toString(item));
            }
        });

        Button create = new Button("Create domain", new FontIcon(Feather.PLUS));
        create.setId("create-domain");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(viewModel.canCreateProperty().not());
        create.setOnAction(e -> viewModel.create());

        Label problem = new Label();
        problem.setId("new-domain-problem");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.textProperty().bind(viewModel.nameProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        Label nameLabel = new Label("Name");
        Label keyLabel = new Label("Encryption key");
        HBox row = new HBox(8, nameLabel, name, keyLabel, key, create);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(4, row, problem);
        form.getStyleClass().add("create-form");
        return form;
    }

    private Node content() {
        table.setId("domains-table");
        table.setItems(viewModel.domains());
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(
                column("Name", DomainInfo::name, 160, false),
                column("Owner", DomainInfo::owner, 130, false),
                column("Status", DomainInfo::status, 80, false),
                column("Repositories", d -> d.repositoryCount() < 0 ? "—" : Integer.toString(d.repositoryCount()), 120, true),
                column("Stored", d -> ByteSizes.format(d.assetSizeBytes()), 90, true),
                column("Created", d -> CREATED.format(d.createdTime()), 200, false),
                column("Encryption key", d -> d.encryptionKey().substring(d.encryptionKey().lastIndexOf('/') + 1), 120,
                        false));
        table.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedProperty()::set);
        viewModel.selectedProperty().subscribe(domain -> {
            if (table.getSelectionModel().getSelectedItem() != domain) {
                table.getSelectionModel().select(domain);
            }
        });

        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(48, 48);
        Node empty = state(Feather.GLOBE, "No domains yet",
                "Create one above: a domain is the first thing every repository needs.", "domains-empty");
        Label errorText = new Label();
        errorText.textProperty().bind(viewModel.errorMessageProperty());
        Node error = state(Feather.ALERT_TRIANGLE, "The domains could not be loaded", "", "domains-error");
        ((VBox) error).getChildren().add(errorText);
        Button retry = new Button("Try again");
        retry.setOnAction(e -> viewModel.refresh());
        ((VBox) error).getChildren().add(retry);

        StackPane stack = new StackPane(table, loading, empty, error);
        BorderPane.setMargin(stack, new Insets(16, 0, 0, 0));
        viewModel.stateProperty().subscribe(s -> {
            table.setVisible(s == ListState.READY);
            loading.setVisible(s == ListState.LOADING);
            empty.setVisible(s == ListState.EMPTY);
            error.setVisible(s == ListState.ERROR);
        });
        return stack;
    }

    private static Node state(Feather icon, String title, String hint, String id) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("state-icon");
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(hint);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, glyph, heading, text);
        box.setId(id);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static TableColumn<DomainInfo, String> column(String title, Function<DomainInfo, String> value,
                                                          double width, boolean numeric) {
        TableColumn<DomainInfo, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width);
        if (numeric) {
            column.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        }
        return column;
    }
}

package dev.arca.ui.connect;

import atlantafx.base.theme.Styles;
import dev.arca.gateway.AwsProfile;
import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.CredentialSource;
import dev.arca.ui.common.FieldProblems;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.connect.ConnectionForm.Field;
import dev.arca.ui.connect.ConnectionsViewModel.CredentialChoice;
import dev.arca.ui.connect.ConnectionsViewModel.TestOutcome;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The connections dialog's content: the connections on the left, the selected one's editor on the right. */
public final class ConnectionsView extends BorderPane {

    private static final Map<ConnectionKind, Ikon> ICONS = Map.of(
            ConnectionKind.EMBEDDED, Feather.HARD_DRIVE,
            ConnectionKind.ARCA_SERVER, Feather.SERVER,
            ConnectionKind.AWS, Feather.CLOUD);
    private static final double LABEL_WIDTH = 112;
    private static final String STYLESHEET =
            Objects.requireNonNull(ConnectionsView.class.getResource("connect.css")).toExternalForm();

    private final ConnectionsViewModel viewModel;
    private final ListView<Connection> list = new ListView<>();
    private final Runnable onConnected;

    /** The view; {@code onConnected} runs once the user has switched to a connection (it closes the dialog). */
    public ConnectionsView(ConnectionsViewModel viewModel, Runnable onConnected) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
        setId("connections-manager");
        getStyleClass().add("connections-manager");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET, STYLESHEET);
        setPrefSize(920, 520);
        setLeft(connectionList());
        setCenter(editor());
        viewModel.loadProfiles();
    }

    /** Each connection with the icon of its kind, its name and what it reaches. */
    private static Node describe(Connection connection) {
        FontIcon icon = new FontIcon(ICONS.get(connection.kind()));
        Label name = new Label(connection.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label detail = new Label(switch (connection.credentials()) {
            case CredentialSource.EmbeddedServerKeys keys -> "Runs inside Arca, on 127.0.0.1";
            case CredentialSource.SharedProfile profile when connection.kind() == ConnectionKind.AWS ->
                    "AWS · profile " + profile.profile() + " · " + connection.region();
            default -> connection.url().map(Object::toString).orElse(connection.kind().label());
        });
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox row = new HBox(8, icon, new VBox(2, name, detail));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node connectionList() {
        list.setId("connections-list");
        list.setItems(viewModel.connections());
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Connection connection, boolean empty) {
                super.updateItem(connection, empty);
                setGraphic(empty || connection == null ? null : describe(connection));
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(connection -> {
            if (connection != null) {
                viewModel.selectedProperty().set(connection);
            }
        });
        viewModel.selectedProperty().subscribe(connection -> {
            if (connection == null) {
                list.getSelectionModel().clearSelection();
            } else if (!connection.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(connection);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button arca = new Button("Arca server", new FontIcon(Feather.PLUS));
        arca.setId("new-arca-server");
        arca.setOnAction(e -> viewModel.newArcaServer());
        Button aws = new Button("AWS account", new FontIcon(Feather.PLUS));
        aws.setId("new-aws-account");
        aws.setOnAction(e -> viewModel.newAwsAccount());
        for (Button button : List.of(arca, aws)) {
            button.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(button, Priority.ALWAYS);
        }
        HBox add = new HBox(8, arca, aws);
        VBox side = new VBox(8, list, add);
        side.getStyleClass().add("connections-side");
        return side;
    }

    private Node editor() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(viewModel.creatingProperty().flatMap(creating -> creating
                ? viewModel.kindProperty().map(kind -> "New " + kind.label())
                : viewModel.nameProperty().map(name -> name)));
        Label embedded = new Label("The local server runs inside Arca on 127.0.0.1 and signs with its own keys,"
                + " from its data directory. It is always here and cannot be changed or removed.");
        embedded.setWrapText(true);
        embedded.getStyleClass().add(Styles.TEXT_MUTED);
        show(embedded, viewModel.editableProperty().not());

        TextField name = field("editor-name", "Team server");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        TextField url = field("editor-url", "http://127.0.0.1:8080");
        url.textProperty().bindBidirectional(viewModel.urlProperty());
        ComboBox<String> region = new ComboBox<>();
        region.setId("editor-region");
        region.getItems().setAll(viewModel.regions());
        region.setEditable(true);
        region.setPromptText("us-east-1");
        region.valueProperty().bindBidirectional(viewModel.regionProperty());

        VBox form = new VBox(12,
                row("Name", checked(name, Field.NAME), viewModel.editableProperty(), Field.NAME),
                row("URL", checked(url, Field.URL), viewModel.kindProperty().isEqualTo(ConnectionKind.ARCA_SERVER),
                        Field.URL),
                credentialRows(),
                row("Region", checked(region, Field.REGION), viewModel.editableProperty(), Field.REGION));

        Label result = new Label();
        result.setId("editor-test-result");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.testResultProperty());
        viewModel.testOutcomeProperty().subscribe(outcome -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            result.setGraphic(switch (outcome) {
                case PASSED -> new FontIcon(Feather.CHECK_CIRCLE);
                case FAILED -> new FontIcon(Feather.ALERT_CIRCLE);
                case RUNNING -> new FontIcon(Feather.LOADER);
                case NONE -> null;
            });
            if (outcome == TestOutcome.PASSED || outcome == TestOutcome.FAILED) {
                result.getStyleClass().add(outcome == TestOutcome.PASSED ? Styles.SUCCESS : Styles.DANGER);
            }
        });

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox editor = new VBox(16, title, embedded, form, result, spacer, actions());
        editor.getStyleClass().add("connection-editor");
        return editor;
    }

    private Node credentialRows() {
        ToggleGroup group = new ToggleGroup();
        HBox choices = new HBox(16);
        for (CredentialChoice choice : CredentialChoice.values()) {
            RadioButton radio = new RadioButton(choice.label());
            radio.setId("credentials-" + choice.name().toLowerCase(Locale.ROOT));
            radio.setUserData(choice);
            radio.setToggleGroup(group);
            choices.getChildren().add(radio);
        }
        viewModel.credentialChoiceProperty().subscribe(choice -> group.getToggles().stream()
                .filter(t -> t.getUserData() == choice).findFirst().ifPresent(group::selectToggle));
        group.selectedToggleProperty().subscribe(toggle -> {
            if (toggle != null) {
                viewModel.credentialChoiceProperty().set((CredentialChoice) toggle.getUserData());
            }
        });
        BooleanExpression arca = viewModel.kindProperty().isEqualTo(ConnectionKind.ARCA_SERVER);
        BooleanExpression aws = viewModel.kindProperty().isEqualTo(ConnectionKind.AWS);

        TextField file = checked(field("editor-credentials-file", "/path/to/arca-data/credentials"),
                Field.CREDENTIALS_FILE);
        file.textProperty().bindBidirectional(viewModel.credentialsFileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseFile());
        HBox fileRow = new HBox(8, file, browse);

        ComboBox<AwsProfile> profile = new ComboBox<>(viewModel.profiles());
        profile.setId("editor-profile");
        profile.setPromptText("Profile");
        profile.valueProperty().bindBidirectional(viewModel.profileProperty());
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(AwsProfile p) {
                return p == null ? "" : p.name();
            }

            @Override
            public AwsProfile fromString(String text) {
                return viewModel.profileProperty().get();
            }
        });
        profile.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(AwsProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + " — " + p.credentials());
            }
        });
        profile.setMaxWidth(Double.MAX_VALUE);
        checked(profile, Field.PROFILE);
        Label profileDetail = new Label();
        profileDetail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        profileDetail.textProperty().bind(Bindings.createStringBinding(() -> viewModel.profileProperty().get() == null
                        ? viewModel.profilesNoteProperty().get() : viewModel.profileProperty().get().credentials(),
                viewModel.profileProperty(), viewModel.profilesNoteProperty()));

        TextField key = checked(field("editor-access-key", "Access key ID"), Field.ACCESS_KEY);
        key.textProperty().bindBidirectional(viewModel.accessKeyIdProperty());
        PasswordField secret = new PasswordField();
        secret.setId("editor-secret-key");
        secret.setPromptText("Secret access key");
        secret.textProperty().bindBidirectional(viewModel.secretAccessKeyProperty());
        checked(secret, Field.SECRET_KEY);
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox.setHgrow(secret, Priority.ALWAYS);
        Label session = new Label("Kept in memory until Arca closes; asked for again next time.");
        session.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        return new VBox(12,
                row("Credentials", choices, arca),
                row("File", fileRow, arca.and(viewModel.credentialChoiceProperty().isEqualTo(CredentialChoice.FILE)),
                        Field.CREDENTIALS_FILE),
                row("Profile", new VBox(4, profile, profileDetail),
                        aws.or(arca.and(viewModel.credentialChoiceProperty().isEqualTo(CredentialChoice.PROFILE))),
                        Field.PROFILE),
                row("Keys", new VBox(4, new HBox(8, key, secret), session),
                        arca.and(viewModel.credentialChoiceProperty().isEqualTo(CredentialChoice.SESSION)),
                        Field.ACCESS_KEY, Field.SECRET_KEY));
    }

    private Node actions() {
        Button test = new Button("Test connection", new FontIcon(Feather.ACTIVITY));
        test.setId("test-connection");
        test.disableProperty().bind(viewModel.canTestProperty().not());
        test.setOnAction(e -> viewModel.test());
        Button remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
        remove.setId("remove-connection");
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(viewModel.canRemoveProperty().not());
        show(remove, viewModel.editableProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("save-connection");
        save.disableProperty().bind(viewModel.canSaveProperty().not());
        save.setOnAction(e -> viewModel.save());
        show(save, viewModel.editableProperty());
        Button connect = new Button("Connect", new FontIcon(Feather.LOG_IN));
        connect.setId("use-connection");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.disableProperty().bind(viewModel.canConnectProperty().not());
        connect.setOnAction(e -> {
            if (viewModel.connect()) {
                onConnected.run();
            }
        });
        HBox bar = new HBox(8, test, remove, spacer, save, connect);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Credentials file");
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            viewModel.credentialsFileProperty().set(chosen.getAbsolutePath());
        }
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** Marks {@code control} while the editor's problem is about {@code field}. */
    private <C extends Control> C checked(C control, Field field) {
        FieldProblems.mark(control, viewModel.problemAt(field));
        return control;
    }

    /** A captioned row; under it, the problem's sentence while the problem is about one of {@code fields}. */
    private Node row(String label, Node field, ObservableValue<Boolean> visible, Field... fields) {
        Node row = row(label, field, visible);
        Label problem = new Label();
        problem.setId("problem-" + fields[0].name().toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.getStyleClass().addAll("field-problem-text", Styles.TEXT_SMALL, Styles.DANGER);
        problem.setWrapText(true);
        problem.setPadding(new Insets(0, 0, 0, LABEL_WIDTH + 8));
        problem.textProperty().bind(viewModel.problemAt(fields));
        show(problem, problem.textProperty().isNotEmpty());
        VBox withProblem = new VBox(4, row, problem);
        show(withProblem, visible);
        return withProblem;
    }

    private static Node row(String label, Node field, ObservableValue<Boolean> visible) {
        Label caption = new Label(label);
        caption.setMinWidth(LABEL_WIDTH);
        caption.setPrefWidth(LABEL_WIDTH);
        HBox row = new HBox(8, caption, field);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        if (field instanceof Region region) {
            region.setMaxWidth(Double.MAX_VALUE);
        }
        show(row, visible);
        return row;
    }

    private static void show(Node node, ObservableValue<Boolean> visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }
}

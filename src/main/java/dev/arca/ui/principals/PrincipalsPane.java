package dev.arca.ui.principals;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.arca.core.iam.AccessKeyInfo;
import dev.arca.core.iam.IamPrincipal;
import dev.arca.core.iam.NewAccessKey;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.policies.PoliciesView;
import dev.arca.ui.policies.PolicyCodeArea;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The IAM users and roles of the connection's account as a Node for a tab of the Policies page: the list; on Arca
 * servers creating and deleting them, access keys (the secret shown once, with a copy button) and inline identity
 * policies edited in a plain text area. Binds only.
 */
public final class PrincipalsPane extends BorderPane {

    private final PrincipalsViewModel viewModel;
    private final TableView<IamPrincipal> table = new TableView<>();

    public PrincipalsPane(PrincipalsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("principals");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET, PoliciesView.STYLESHEET);
        setPadding(new Insets(16));
        setTop(new VBox(12, header(), createForm()));
        setCenter(list());
        setRight(details());
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                viewModel.load();
            }
        });
    }

    private Node header() {
        Label title = new Label("Users and roles");
        title.getStyleClass().add(Styles.TITLE_4);
        Label readOnly = new Label("Read-only on AWS: Arca lists IAM principals but is not an IAM console.");
        readOnly.setId("principals-read-only");
        readOnly.getStyleClass().add(Styles.TEXT_MUTED);
        readOnly.visibleProperty().bind(viewModel.writableProperty().not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        PageParts.offer(this, "Refresh principals", refresh);
        refresh.setId("refresh-principals");
        refresh.setOnAction(e -> viewModel.load());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("delete-principal");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(viewModel.canDeleteProperty().not());
        delete.setOnAction(e -> viewModel.deleteSelected());
        HBox bar = new HBox(8, new VBox(4, title, readOnly), spacer, refresh, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node createForm() {
        TextField name = new TextField();
        name.setId("new-principal-name");
        name.setPromptText("ci-publisher");
        name.setPrefColumnCount(20);
        name.textProperty().bindBidirectional(viewModel.newNameProperty());
        viewModel.nameProblemProperty().subscribe(p -> name.pseudoClassStateChanged(Styles.STATE_DANGER,
                !p.isEmpty()));
        Button user = new Button("Create user", new FontIcon(Feather.USER_PLUS));
        PageParts.offer(this, "Create IAM user", user);
        user.setId("create-user");
        user.getStyleClass().add(Styles.ACCENT);
        user.disableProperty().bind(viewModel.canCreateProperty().not());
        user.setOnAction(e -> viewModel.createUser());
        Button role = new Button("Create role", new FontIcon(Feather.SHIELD));
        PageParts.offer(this, "Create IAM role", role);
        role.setId("create-role");
        role.disableProperty().bind(viewModel.canCreateRoleProperty().not());
        role.setOnAction(e -> viewModel.createRole());
        HBox row = new HBox(8, new Label("Name"), name, user, role);
        row.setAlignment(Pos.CENTER_LEFT);
        TextArea trust = new TextArea();
        trust.setId("new-role-trust");
        trust.setPromptText("Trust policy of a new role; empty lets the account's own users and roles assume it.");
        trust.setPrefRowCount(3);
        trust.setWrapText(true);
        trust.textProperty().bindBidirectional(viewModel.trustPolicyProperty());
        TitledPane trustPane = new TitledPane("Who may assume a new role", new VBox(4, trust,
                problem(viewModel.trustProblemProperty(), "new-role-trust-problem")));
        trustPane.setExpanded(false);
        trustPane.getStyleClass().add(Styles.DENSE);
        trustPane.setMaxWidth(640);
        VBox form = new VBox(4, row, problem(viewModel.nameProblemProperty(), "new-principal-problem"), trustPane);
        form.visibleProperty().bind(viewModel.writableProperty());
        form.managedProperty().bind(form.visibleProperty());
        return form;
    }

    private Node list() {
        table.setId("principals-table");
        table.setItems(viewModel.principals());
        TableColumn<IamPrincipal, String> kind = PageParts.textColumn("Kind", p -> p.isRole() ? "Role" : "User", 70,
                false);
        kind.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label chip = new Label(item);
                chip.getStyleClass().addAll(Styles.TEXT_SMALL, item.equals("Role") ? Styles.ACCENT : Styles.SUCCESS);
                setGraphic(chip);
            }
        });
        // The ARN is in the details, where it can be copied: beside them a fourth column would be cut off.
        table.getColumns().setAll(java.util.List.of(
                PageParts.textColumn("Name", IamPrincipal::name, 150, false), kind,
                PageParts.textColumn("Created", p -> PageParts.DATE.format(p.created()), 110, false)));
        table.getSelectionModel().selectedItemProperty().subscribe(p -> viewModel.selectedProperty().set(p));
        viewModel.selectedProperty().subscribe(p -> {
            if (p != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(p);
            }
        });
        return PageParts.stateStack(table, viewModel.stateProperty(),
                PageParts.stateBox(Feather.USERS, "No users or roles", "Create a user for CI or a role for "
                        + "people to assume; the account's root is not listed."),
                PageParts.errorBox("Could not list users and roles", viewModel.errorMessageProperty(),
                        viewModel::load));
    }

    private Node details() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(viewModel.selectedProperty().map(p -> p.arn().describe())
                .orElse("Select a user or role"));
        TextField arn = new TextField();
        arn.setId("principal-arn");
        arn.setEditable(false);
        arn.getStyleClass().add(Styles.SMALL);
        arn.textProperty().bind(viewModel.selectedProperty().map(p -> p.arn().arn()).orElse(""));
        arn.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        arn.managedProperty().bind(arn.visibleProperty());
        VBox box = new VBox(12, new VBox(4, title, arn), keys(), newKey(),
                new InlinePolicyEditor(viewModel.policies()));
        box.setPadding(new Insets(0, 12, 0, 16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("principal-details");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(480);
        scroll.setMinWidth(440);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    private Node keys() {
        Label heading = new Label("Access keys");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<AccessKeyInfo> keys = new ListView<>(viewModel.accessKeys());
        keys.setId("access-keys");
        keys.setPrefHeight(64);
        keys.setMinHeight(64);
        keys.setPlaceholder(new Label("No access keys."));
        keys.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(AccessKeyInfo key, boolean empty) {
                super.updateItem(key, empty);
                if (empty || key == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label id = new Label(key.accessKeyId() + (key.active() ? "" : " (inactive)"));
                id.setMinWidth(0);
                Label created = new Label(PageParts.DATE_TIME.format(key.created()));
                created.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                created.setMinWidth(0);
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button revoke = new Button("Revoke");
                revoke.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
                revoke.disableProperty().bind(viewModel.writableProperty().not());
                revoke.setOnAction(e -> viewModel.revokeAccessKey(key));
                HBox row = new HBox(8, id, created, spacer, revoke);
                row.setAlignment(Pos.CENTER_LEFT);
                setPrefWidth(0); // fit the list's width instead of scrolling sideways
                setGraphic(row);
            }
        });
        Button create = new Button("Create access key", new FontIcon(Feather.KEY));
        create.setId("create-access-key");
        create.disableProperty().bind(viewModel.canCreateKeyProperty().not());
        create.setOnAction(e -> viewModel.createAccessKey());
        VBox box = new VBox(4, heading, keys, create);
        box.visibleProperty().bind(viewModel.selectedProperty().map(p -> !p.isRole()).orElse(false));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node newKey() {
        Label warning = new Label("Copy the secret now: it is shown only this once.");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.getStyleClass().add(Styles.WARNING);
        TextField id = new TextField();
        id.setId("new-key-id");
        id.setEditable(false);
        TextField secret = new TextField();
        secret.setId("new-key-secret");
        secret.setEditable(false);
        viewModel.newKeyProperty().subscribe(key -> {
            id.setText(key.map(NewAccessKey::accessKeyId).orElse(""));
            secret.setText(key.map(NewAccessKey::secretAccessKey).orElse(""));
        });
        Button copy = new Button("Copy secret", new FontIcon(Feather.COPY));
        copy.setId("copy-secret");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(secret.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button done = new Button("I have saved it");
        done.setId("dismiss-new-key");
        done.setOnAction(e -> viewModel.dismissNewKey());
        VBox box = new VBox(4, warning, new Label("Access key id"), id, new Label("Secret access key"), secret,
                new HBox(8, copy, done));
        box.setId("new-key");
        box.getStyleClass().add(Styles.BG_WARNING_MUTED);
        box.setPadding(new Insets(8));
        box.visibleProperty().bind(viewModel.newKeyProperty().map(k -> k.isPresent()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    static Label problem(ObservableValue<String> sentence, String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        label.textProperty().bind(sentence);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    /** The inline policies of the selected principal: their names, and the opened one as text. */
    private static final class InlinePolicyEditor extends VBox {

        InlinePolicyEditor(InlinePoliciesState policies) {
            super(6);
            Label heading = new Label("Inline identity policies");
            heading.getStyleClass().add(Styles.TEXT_BOLD);
            ListView<String> names = new ListView<>(policies.names());
            names.setId("inline-policies");
            names.setPrefHeight(60);
            names.setMinHeight(56);
            names.setPlaceholder(new Label("No inline policies."));
            names.getSelectionModel().selectedItemProperty().subscribe(name -> {
                if (name != null) {
                    policies.open(name);
                }
            });
            TextField name = new TextField();
            name.setId("inline-policy-name");
            name.setPromptText("policy name");
            name.textProperty().bindBidirectional(policies.nameProperty());
            PolicyCodeArea text = new PolicyCodeArea();
            text.setId("inline-policy-text");
            text.setPrefHeight(200); // with its heading and buttons, fits the default window below the create form
            text.setMinHeight(160);
            text.bindText(policies.textProperty());
            policies.textMarkProperty().subscribe(mark -> text.setMarks(mark.stream().toList()));
            Button save = new Button("Save policy", new FontIcon(Feather.SAVE));
            save.setId("save-inline-policy");
            save.getStyleClass().add(Styles.ACCENT);
            save.disableProperty().bind(policies.canSaveProperty().not());
            save.setOnAction(e -> policies.save());
            Button fresh = new Button("New", new FontIcon(Feather.FILE_PLUS));
            fresh.setId("new-inline-policy");
            fresh.setOnAction(e -> {
                names.getSelectionModel().clearSelection();
                policies.startNew();
            });
            Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
            delete.setId("delete-inline-policy");
            delete.getStyleClass().add(Styles.DANGER);
            delete.disableProperty().bind(policies.canDeleteProperty().not());
            delete.setOnAction(e -> policies.delete());
            getChildren().addAll(heading, names, name, problem(policies.nameProblemProperty(),
                    "inline-policy-name-problem"), text, problem(policies.textProblemProperty(),
                    "inline-policy-problem"), new HBox(8, save, fresh, delete));
        }
    }
}

package dev.arca.ui.repositories;

import atlantafx.base.theme.Styles;
import dev.arca.core.ClientSetup;
import dev.arca.core.ExternalConnections;
import dev.arca.core.RepositoryInfo;
import dev.arca.ui.common.FieldProblems;
import dev.arca.ui.common.PageCommand;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.tags.TagsEditorDialog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Repositories page: pick a domain, filter, create, delete, and copy the settings package clients need. */
public final class RepositoriesView extends BorderPane {

    private final RepositoriesViewModel viewModel;
    private final TableView<RepositoryInfo> table = new TableView<>();

    public RepositoriesView(RepositoriesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("page-repositories");
        getStyleClass().add("repositories-page");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET);
        setTop(new VBox(16, header(), createForm()));
        setCenter(content());
        setRight(details());
        PageParts.installListShortcuts(this, table, viewModel::refresh, viewModel::delete);
        PageParts.installOpen(table, viewModel::open);
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                viewModel.loadDomains();
            }
        });
    }

    private Node header() {
        Label title = new Label("Repositories");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Repositories hold packages; upstreams are searched in order when a version is missing.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        ComboBox<String> domain = new ComboBox<>(viewModel.domains());
        domain.setId("repositories-domain");
        domain.valueProperty().bindBidirectional(viewModel.domainProperty());
        domain.setPromptText("Domain");
        TextField filter = new TextField();
        filter.setId("repositories-filter");
        filter.setPromptText("Filter by name or description");
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        filter.setPrefColumnCount(18);
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        PageParts.offer(this, "Refresh repositories", refresh);
        refresh.setOnAction(e -> viewModel.refresh());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        PageParts.offer(this, "Delete repository", delete);
        delete.setId("delete-repository");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(viewModel.canDeleteProperty().not());
        delete.setOnAction(e -> viewModel.delete());
        domain.setMinWidth(180);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        delete.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(filter, Priority.SOMETIMES);
        HBox tools = new HBox(8, new Label("Domain"), domain, filter, spacer, refresh, delete);
        tools.setAlignment(Pos.CENTER_LEFT);
        return new VBox(12, new VBox(4, title, subtitle), tools);
    }

    private Node createForm() {
        TextField name = new TextField();
        PageParts.offer(this, new PageCommand("Create repository…", () -> true, name::requestFocus));
        name.setId("new-repository-name");
        name.setPromptText("new-repository");
        name.textProperty().bindBidirectional(viewModel.newNameProperty());
        FieldProblems.mark(name, viewModel.nameProblemProperty());
        TextField description = new TextField();
        description.setPromptText("Description (optional)");
        description.textProperty().bindBidirectional(viewModel.newDescriptionProperty());
        HBox.setHgrow(description, Priority.ALWAYS);

        javafx.scene.control.MenuButton upstream = new javafx.scene.control.MenuButton("Add upstream",
                new FontIcon(Feather.GIT_MERGE));
        upstream.setId("new-repository-upstream");
        viewModel.repositories().subscribe(() -> upstream.getItems().setAll(viewModel.repositories().stream()
                .map(r -> {
                    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(r.name());
                    item.setOnAction(e -> {
                        if (!viewModel.newUpstreams().contains(r.name())) {
                            viewModel.newUpstreams().add(r.name());
                        }
                    });
                    return item;
                }).toList()));
        upstream.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(upstream.getItems()));
        Label upstreams = new Label();
        upstreams.setId("new-repository-upstreams");
        upstreams.getStyleClass().add(Styles.TEXT_MUTED);
        viewModel.newUpstreams().subscribe(() -> upstreams.setText(viewModel.newUpstreams().isEmpty()
                ? "No upstreams" : "Upstreams, in order: " + String.join(" → ", viewModel.newUpstreams())));
        Button clear = new Button("Clear");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> viewModel.newUpstreams().clear());

        Button create = new Button("Create repository", new FontIcon(Feather.PLUS));
        create.setId("create-repository");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(viewModel.canCreateProperty().not());
        create.setOnAction(e -> viewModel.create());
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.textProperty().bind(viewModel.nameProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        HBox first = new HBox(8, new Label("Name"), name, description, create);
        first.setAlignment(Pos.CENTER_LEFT);
        ComboBox<Optional<String>> publicUpstream = new ComboBox<>();
        publicUpstream.setId("new-repository-public-upstream");
        publicUpstream.getItems().setAll(RepositoryEditorViewModel.connectionChoices());
        publicUpstream.valueProperty().bindBidirectional(viewModel.newPublicUpstreamProperty());
        publicUpstream.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Optional<String> choice) {
                return choice == null ? "" : choice.map(c -> "Public upstream: " + c + " (through "
                        + ExternalConnections.storeRepositoryName(c) + ")").orElse("No public upstream");
            }

            @Override
            public Optional<String> fromString(String text) {
                return RepositoryEditorViewModel.NO_CONNECTION;
            }
        });
        publicUpstream.setPrefWidth(330);
        upstream.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        upstreams.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(upstreams, Priority.ALWAYS);
        HBox second = new HBox(8, upstream, upstreams, clear, publicUpstream);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(8, first, second, problem);
        form.getStyleClass().add("create-form");
        return form;
    }

    private Node content() {
        table.setId("repositories-table");
        table.setItems(viewModel.repositories());
        table.getColumns().setAll(List.of(
                PageParts.textColumn("Name", RepositoryInfo::name, 170, false),
                PageParts.textColumn("Administrator", RepositoryInfo::administrator, 130, false),
                PageParts.<RepositoryInfo>textColumn("Created", r -> PageParts.DATE_TIME.format(r.createdTime()), 170,
                        false),
                PageParts.<RepositoryInfo>textColumn("Description", r -> r.description().orElse(""), 160, false)));
        table.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedProperty()::set);
        viewModel.selectedProperty().subscribe(repository -> {
            if (table.getSelectionModel().getSelectedItem() != repository) {
                table.getSelectionModel().select(repository);
            }
        });
        VBox empty = PageParts.stateBox(Feather.DATABASE, "No repositories here",
                "Create one above, or pick another domain. No domain yet? Create one on the Domains page.");
        empty.setId("repositories-empty");
        VBox error = PageParts.errorBox("The repositories could not be loaded", viewModel.errorMessageProperty(),
                viewModel::refresh);
        StackPane stack = PageParts.stateStack(table, viewModel.stateProperty(), empty, error);
        BorderPane.setMargin(stack, new Insets(16, 0, 0, 0));
        return stack;
    }

    private Node details() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        Label upstreams = new Label();
        upstreams.setId("repository-upstreams");
        upstreams.setWrapText(true);
        Label external = new Label();
        external.setWrapText(true);
        viewModel.detailsProperty().subscribe(details -> {
            title.setText(details.map(RepositoryInfo::name).orElse("Select a repository"));
            upstreams.setText(details.map(d -> d.upstreams().isEmpty() ? "Upstreams: none"
                    : "Upstreams, searched in order: " + String.join(" → ", d.upstreams())).orElse(""));
            external.setText(details.map(d -> "External connection: " + d.externalConnection().orElse("none"))
                    .orElse(""));
        });

        ComboBox<ClientSetup.Tool> tool = new ComboBox<>();
        tool.getItems().setAll(viewModel.tools());
        tool.setId("instructions-tool");
        tool.valueProperty().bindBidirectional(viewModel.toolProperty());
        tool.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ClientSetup.Tool t) {
                return t == null ? "" : t.label();
            }

            @Override
            public ClientSetup.Tool fromString(String s) {
                return null;
            }
        });
        TextArea snippet = new TextArea();
        snippet.setId("instructions-text");
        snippet.setEditable(false);
        snippet.getStyleClass().add("snippet");
        snippet.setPrefRowCount(12);
        snippet.setWrapText(true);
        snippet.textProperty().bind(viewModel.instructionsProperty());
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        PageParts.offer(this, "Copy connection settings", copy);
        copy.setId("instructions-copy");
        copy.disableProperty().bind(viewModel.instructionsProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.instructionsProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label expiry = new Label();
        expiry.setWrapText(true);
        expiry.getStyleClass().add(Styles.TEXT_MUTED);
        expiry.textProperty().bind(viewModel.tokenExpiryProperty());
        Label heading = new Label("Connection instructions");
        heading.getStyleClass().add(Styles.TEXT_BOLD);

        Button edit = new Button("Edit…", new FontIcon(Feather.EDIT_2));
        PageParts.offer(this, "Edit repository…", edit);
        edit.setId("edit-repository");
        edit.disableProperty().bind(viewModel.detailsProperty().map(Optional::isEmpty));
        edit.setOnAction(e -> viewModel.editor().ifPresent(editor ->
                new RepositoryEditorDialog(editor, getScene().getWindow()).showAndWait().ifPresent(viewModel::edited)));
        Button tags = new Button("Tags…", new FontIcon(Feather.TAG));
        PageParts.offer(this, "Edit repository tags…", tags);
        tags.setId("edit-repository-tags");
        tags.disableProperty().bind(viewModel.selectedProperty().isNull());
        tags.setOnAction(e -> viewModel.tagsEditor().ifPresent(editor ->
                new TagsEditorDialog(editor, getScene().getWindow()).showAndWait()));
        VBox panel = new VBox(8, title, upstreams, external, new HBox(8, edit, tags), new HBox(8, heading),
                new HBox(8, tool, copy), snippet, expiry);
        panel.getStyleClass().add("details-panel");
        panel.setPrefWidth(360);
        panel.setMinWidth(320);
        BorderPane.setMargin(panel, new Insets(16, 0, 0, 16));
        return panel;
    }
}

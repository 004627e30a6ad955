package dev.arca.ui.domains;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.arca.core.ByteSizes;
import dev.arca.core.DomainInfo;
import dev.arca.core.KeyChoice;
import dev.arca.gateway.DomainSearch;
import dev.arca.ui.common.FieldProblems;
import dev.arca.ui.common.PageCommand;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.tags.TagsEditorDialog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
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

    private final DomainsViewModel viewModel;
    private final TableView<DomainInfo> table = new TableView<>();

    public DomainsView(DomainsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("page-domains");
        getStyleClass().add("domains-page");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET);
        setTop(new VBox(16, header(), createForm(), otherAccountForm()));
        setCenter(content());
        setRight(details());
        PageParts.installListShortcuts(this, table, viewModel::refresh, viewModel::delete);
        PageParts.installOpen(table, viewModel::open);
        sceneProperty().subscribe(scene -> {
            if (scene != null) { // each time the page is shown: domains may have changed elsewhere
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
        PageParts.offer(this, "Refresh domains", refresh);
        refresh.setId("refresh-domains");
        refresh.setOnAction(e -> viewModel.refresh());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        PageParts.offer(this, "Delete domain", delete);
        delete.setId("delete-domain");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(viewModel.canDeleteProperty().not());
        delete.setOnAction(e -> viewModel.delete());
        Button forget = new Button("Forget", new FontIcon(Feather.X_CIRCLE));
        PageParts.offer(this, "Forget domain", forget);
        forget.setId("forget-domain");
        forget.setTooltip(new Tooltip("Remove this other account's domain from the list;"
                + " the domain itself is not touched"));
        forget.visibleProperty().bind(viewModel.canForgetProperty());
        forget.managedProperty().bind(forget.visibleProperty());
        forget.setOnAction(e -> viewModel.forget());
        HBox bar = new HBox(8, new VBox(4, title, subtitle), spacer, refresh, forget, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node createForm() {
        TextField name = new TextField();
        PageParts.offer(this, new PageCommand("Create domain…", () -> true, name::requestFocus));
        name.setId("new-domain-name");
        name.setPromptText("new-domain-name");
        name.setPrefColumnCount(22);
        name.textProperty().bindBidirectional(viewModel.newNameProperty());
        name.setOnAction(e -> viewModel.create());
        FieldProblems.mark(name, viewModel.nameProblemProperty());

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

    private Node details() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(viewModel.selectedProperty().map(DomainInfo::name).orElse("Select a domain"));
        Label facts = new Label();
        facts.setId("domain-facts");
        facts.setWrapText(true);
        facts.textProperty().bind(viewModel.selectedProperty().map(d -> "ARN: " + d.arn() + "\nOwner: " + d.owner()
                + "\nEncryption key: " + d.encryptionKey()).orElse(""));

        Label tags = new Label();
        tags.setId("domain-tags");
        tags.setWrapText(true);
        Button editTags = new Button("Edit tags…", new FontIcon(Feather.TAG));
        PageParts.offer(this, "Edit domain tags…", editTags);
        editTags.setId("edit-domain-tags");
        editTags.disableProperty().bind(viewModel.selectedProperty().isNull());
        editTags.setOnAction(e -> viewModel.tagsEditor().ifPresent(editor -> {
            new TagsEditorDialog(editor, getScene().getWindow()).showAndWait();
            viewModel.reloadDetails();
        }));
        TextArea policy = new TextArea();
        policy.setId("domain-policy");
        policy.setEditable(false);
        policy.getStyleClass().add("snippet");
        policy.setPrefRowCount(8);
        Label policyState = new Label();
        policyState.getStyleClass().add(Styles.TEXT_MUTED);
        policyState.setWrapText(true);
        viewModel.detailsProperty().subscribe(details -> {
            tags.setText(details.map(d -> d.tags().isEmpty() ? "No tags." : new TreeMap<>(d.tags()).entrySet()
                    .stream().map(t -> t.getValue().isEmpty() ? t.getKey() : t.getKey() + " = " + t.getValue())
                    .collect(Collectors.joining("\n"))).orElse(""));
            policy.setText(details.flatMap(DomainsViewModel.DomainDetails::policy).orElse(""));
            policyState.setText(details.map(d -> d.policy().isPresent()
                    ? "The domain policy (resource policy) — read-only here."
                    : "No domain policy: only this account's principals can use the domain.").orElse(""));
        });
        policy.managedProperty().bind(policy.textProperty().isNotEmpty());
        policy.visibleProperty().bind(policy.managedProperty());

        for (Label wrapped : List.of(facts, tags, policyState)) {
            wrapped.setMinHeight(Region.USE_PREF_SIZE); // else a VBox in a tab cuts wrapped lines short
        }
        VBox detailsBox = new VBox(8, title, facts, heading("Tags"), tags, editTags, heading("Policy"), policyState,
                policy);
        detailsBox.setPadding(new Insets(8, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(detailsBox);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        Tab detailsTab = new Tab("Details", scroll);
        Tab searchTab = new Tab("Find a package", search());
        searchTab.setId("domain-search-tab");
        TabPane tabs = new TabPane(detailsTab, searchTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("details-panel");
        tabs.setPrefWidth(350);
        tabs.setMinWidth(320);
        BorderPane.setMargin(tabs, new Insets(16, 0, 0, 16));
        return tabs;
    }

    private Node search() {
        TextField text = new TextField();
        text.setId("domain-search-text");
        text.setPromptText("Package name starts with…");
        text.textProperty().bindBidirectional(viewModel.packageSearch().textProperty());
        text.setOnAction(e -> viewModel.packageSearch().search());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button find = new Button("Find", new FontIcon(Feather.SEARCH));
        PageParts.offer(this, "Find domains", find);
        find.setId("domain-search");
        find.disableProperty().bind(viewModel.packageSearch().canSearchProperty().not());
        find.setOnAction(e -> viewModel.packageSearch().search());
        Button stop = new Button("Stop");
        stop.visibleProperty().bind(viewModel.packageSearch().searchingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> viewModel.packageSearch().cancel());
        Label summary = new Label();
        summary.setId("domain-search-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(viewModel.packageSearch().summaryProperty());
        TableView<DomainSearch.Hit> hits = new TableView<>(viewModel.packageSearch().hits());
        hits.setId("domain-search-hits");
        hits.getColumns().setAll(List.of(
                PageParts.<DomainSearch.Hit>textColumn("Package", h -> h.pkg().display(), 130, false),
                PageParts.<DomainSearch.Hit>textColumn("Format", h -> h.pkg().format(), 70, false),
                PageParts.textColumn("Repository", DomainSearch.Hit::repository, 110, false)));
        hits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        hits.setPlaceholder(new Label("Type the start of a name and press Enter."));
        VBox.setVgrow(hits, Priority.ALWAYS);
        HBox bar = new HBox(8, text, find, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, bar, summary, hits);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    /** Opening a domain of another account by its owner: shared through the domain's policy. */
    private Node otherAccountForm() {
        TextField owner = new TextField();
        owner.setId("other-domain-owner");
        owner.setPromptText("Owner account ID");
        owner.setPrefColumnCount(12);
        owner.textProperty().bindBidirectional(viewModel.otherOwnerProperty());
        TextField name = new TextField();
        name.setId("other-domain-name");
        name.setPromptText("Domain name");
        name.setPrefColumnCount(16);
        name.textProperty().bindBidirectional(viewModel.otherNameProperty());
        name.setOnAction(e -> viewModel.openOtherAccountDomain());
        Button open = new Button("Open", new FontIcon(Feather.EXTERNAL_LINK));
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setId("open-other-domain");
        open.disableProperty().bind(viewModel.canOpenOtherProperty().not());
        open.setOnAction(e -> viewModel.openOtherAccountDomain());

        Label problem = new Label();
        problem.setId("other-domain-problem");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.textProperty().bind(viewModel.otherProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        Label notice = new Label();
        notice.setId("domains-notice");
        notice.setWrapText(true);
        notice.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());

        Label caption = new Label("Another account's domain");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, caption, owner, name, open);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(4, row, problem, notice);
        form.getStyleClass().add("create-form");
        return form;
    }

    private Node content() {
        table.setId("domains-table");
        table.setItems(viewModel.domains());
        table.getColumns().setAll(List.of(
                PageParts.textColumn("Name", DomainInfo::name, 160, false),
                PageParts.<DomainInfo>textColumn("Owner", d -> viewModel.isOtherAccount(d)
                        ? d.owner() + " · other account" : d.owner(), 130, false),
                PageParts.textColumn("Status", DomainInfo::status, 80, false),
                PageParts.<DomainInfo>textColumn("Repositories",
                        d -> d.repositoryCount() < 0 ? "—" : Integer.toString(d.repositoryCount()), 120, true),
                PageParts.<DomainInfo>textColumn("Stored", d -> ByteSizes.format(d.assetSizeBytes()), 90, true),
                PageParts.<DomainInfo>textColumn("Created", d -> PageParts.DATE_TIME.format(d.createdTime()), 200,
                        false),
                PageParts.<DomainInfo>textColumn("Encryption key",
                        d -> d.encryptionKey().substring(d.encryptionKey().lastIndexOf('/') + 1), 120, false)));
        table.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedProperty()::set);
        viewModel.selectedProperty().subscribe(domain -> {
            if (table.getSelectionModel().getSelectedItem() != domain) {
                table.getSelectionModel().select(domain);
            }
        });
        VBox empty = PageParts.stateBox(Feather.GLOBE, "No domains yet",
                "Create one above: a domain is the first thing every repository needs.");
        empty.setId("domains-empty");
        empty.getChildren().add(sampleOffer(viewModel.sampleDomain()));
        VBox error = PageParts.errorBox("The domains could not be loaded", viewModel.errorMessageProperty(),
                viewModel::refresh);
        error.setId("domains-error");
        StackPane stack = PageParts.stateStack(table, viewModel.stateProperty(), empty, error);
        BorderPane.setMargin(stack, new Insets(16, 0, 0, 0));
        return stack;
    }

    /** The first-run offer under the empty state: a button, then progress and the outcome as one sentence. */
    private Node sampleOffer(SampleDomainViewModel sample) {
        Button load = new Button("Load a sample domain", new FontIcon(Feather.PACKAGE));
        load.setId("load-sample-domain");
        load.getStyleClass().add(Styles.ACCENT);
        load.disableProperty().bind(sample.canLoadProperty().not());
        load.setOnAction(e -> sample.load());
        Label hint = new Label("Or explore first: a domain named demo with team, shared and store repositories,"
                + " a few hundred package versions, package groups and policies.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        ProgressBar bar = new ProgressBar();
        bar.setId("sample-domain-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(sample.progressProperty());
        bar.visibleProperty().bind(sample.loadingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label message = new Label();
        message.setId("sample-domain-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(sample.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        sample.failedProperty().subscribe(failed -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            message.getStyleClass().add(failed ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        VBox box = new VBox(8, load, hint, bar, message);
        box.setId("sample-domain-offer");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(8, 0, 0, 0));
        box.visibleProperty().bind(sample.offeredProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}

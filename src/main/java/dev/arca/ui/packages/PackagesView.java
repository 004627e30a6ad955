package dev.arca.ui.packages;

import static dev.arca.ui.packages.PackageColumns.lower;

import atlantafx.base.theme.Styles;
import dev.arca.core.PackageFormat;
import dev.arca.core.PackageGroupInfo;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.core.VersionStatus;
import dev.arca.ui.common.PageParts;
import dev.arca.ui.packages.bulk.BulkMenus;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Packages page: a repository's packages, filtered by the service and loaded page by page as the table
 * scrolls; the selected package's package group, origin controls and versions; the selected version in detail.
 * Ctrl+F goes to the name filter, Enter opens the selected package or version, Ctrl+R refreshes; the selected
 * versions or packages take bulk actions from their context menu (see {@link BulkMenus}).
 */
public final class PackagesView extends BorderPane {

    /** How often the page looks for packages published meanwhile (Arca servers). */
    private static final Duration WATCH_EVERY = Duration.seconds(3);

    /** Rows from the end of what is loaded at which the next page is asked for. */
    private static final int LOAD_AHEAD = 20;
    /** How long typing must pause before a text filter goes to the service. */
    private static final Duration TYPING_PAUSE = Duration.millis(300);

    private final PackagesViewModel viewModel;
    private final TableView<PackageInfo> packages = new TableView<>();
    private final TableView<VersionInfo> versions = new TableView<>();
    private final VersionDetailsView details;

    public PackagesView(PackagesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.details = new VersionDetailsView(viewModel.versionDetails());
        setId("page-packages");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET, VersionDetailsView.STYLESHEET);
        TextField nameFilter = debounced(viewModel.filters().namePrefixProperty());
        nameFilter.setId("packages-filter");
        nameFilter.setPromptText("Name prefix (Ctrl+F)");
        setTop(new VBox(12, header(), filters(nameFilter)));
        VBox packageAndVersions = new VBox(12, packageCard(), versionsPane());
        packageAndVersions.setPadding(new Insets(0, 8, 0, 8));
        VBox detailsPane = new VBox(8, BulkMenus.shownVersionActions(viewModel.bulk()), details);
        VBox.setVgrow(details, Priority.ALWAYS);
        detailsPane.setPadding(new Insets(0, 0, 0, 8));
        SplitPane columns = new SplitPane(packagesPane(), packageAndVersions, detailsPane);
        // At the default window size: the package list wide enough for each package's detail line.
        columns.setDividerPositions(0.27, 0.62);
        BorderPane.setMargin(columns, new Insets(12, 0, 0, 0));
        setCenter(columns);
        PageParts.installFindShortcut(this, nameFilter);
        PageParts.installRefreshShortcut(this, viewModel::refresh);
        Timeline watcher = new Timeline(new KeyFrame(WATCH_EVERY, e -> viewModel.watch()));
        watcher.setCycleCount(Animation.INDEFINITE);
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                viewModel.loadDomains();
                watcher.play();
            } else {
                watcher.stop();
            }
        });
    }

    private Node header() {
        Label title = new Label("Packages");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Packages stored in a repository, their versions, files, dependencies and"
                + " origin controls.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        ComboBox<String> domain = new ComboBox<>(viewModel.domains());
        domain.setId("packages-domain");
        domain.setMinWidth(160);
        domain.valueProperty().bindBidirectional(viewModel.domainProperty());
        ComboBox<String> repository = new ComboBox<>(viewModel.repositories());
        repository.setId("packages-repository");
        repository.setMinWidth(180);
        repository.valueProperty().bindBidirectional(viewModel.repositoryProperty());
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        PageParts.offer(this, "Refresh packages", refresh);
        refresh.setId("packages-refresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(e -> viewModel.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(8, new Label("Domain"), domain, new Label("Repository"), repository, spacer, refresh);
        tools.setAlignment(Pos.CENTER_LEFT);
        return new VBox(12, new VBox(4, title, subtitle), tools);
    }

    private Node filters(TextField nameFilter) {
        ComboBox<Optional<PackageFormat>> format = choice("packages-format", viewModel.filters().formatChoices(),
                viewModel.filters().formatProperty(), f -> f.map(PackageFormat::wireName).orElse("Any format"));
        TextField namespace = debounced(viewModel.filters().namespaceProperty());
        namespace.setId("packages-namespace");
        namespace.setPromptText("Namespace");
        namespace.setPrefColumnCount(10);
        nameFilter.setPrefColumnCount(14);
        HBox.setHgrow(nameFilter, Priority.SOMETIMES);
        ComboBox<Optional<String>> publish = choice("packages-publish", viewModel.filters().originChoices(),
                viewModel.filters().publishProperty(), v -> "Publish: " + v.map(PackageColumns::lower).orElse("any"));
        ComboBox<Optional<String>> upstream = choice("packages-upstream", viewModel.filters().originChoices(),
                viewModel.filters().upstreamProperty(), v -> "Upstream: " + v.map(PackageColumns::lower).orElse("any"));
        Button clear = new Button("Clear filters");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        PageParts.offer(this, "Clear package filters", clear);
        clear.setOnAction(e -> viewModel.filters().clear());
        HBox row = new HBox(8, new FontIcon(Feather.FILTER), format, namespace, nameFilter, publish, upstream, clear);
        row.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("packages-filter-problem");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        problem.setGraphic(new FontIcon(Feather.INFO));
        problem.textProperty().bind(viewModel.filters().problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        return new VBox(4, row, problem);
    }

    private Node packagesPane() {
        packages.setId("packages-table");
        packages.setItems(viewModel.packages().items());
        packages.getColumns().setAll(PackageColumns.ofPackages());
        PageParts.loadMoreNearEnd(packages, LOAD_AHEAD, viewModel.packages()::loadMore);
        BulkMenus.attachToPackages(packages, viewModel.bulk());
        packages.getSelectionModel().selectedItemProperty().subscribe(pkg -> {
            // A selection lost because its row was replaced (new origin controls) or reloaded is not the user's.
            if (pkg != null || packages.getItems().contains(viewModel.selectedPackageProperty().get())) {
                viewModel.selectedPackageProperty().set(pkg);
            }
        });
        viewModel.selectedPackageProperty().subscribe(pkg -> {
            if (packages.getSelectionModel().getSelectedItem() != pkg) {
                packages.getSelectionModel().select(pkg);
            }
        });
        packages.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && viewModel.selectedPackageProperty().get() != null) {
                open(versions);
                event.consume();
            }
        });
        VBox empty = PageParts.stateBox(Feather.PACKAGE, "No packages to show", viewModel.emptyHintProperty());
        empty.setId("packages-empty");
        StackPane stack = PageParts.stateStack(packages, viewModel.packages().stateProperty(), empty,
                PageParts.errorBox("The packages could not be loaded", viewModel.packages().errorMessageProperty()));
        Label count = new Label();
        count.setId("packages-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable counted = () -> {
            int n = viewModel.packages().items().size();
            count.setText(String.format(Locale.ROOT, "%,d %s loaded%s", n, n == 1 ? "package" : "packages",
                    viewModel.packages().hasMoreProperty().get() ? "; scroll for more" : ""));
        };
        viewModel.packages().items().subscribe(counted);
        viewModel.packages().hasMoreProperty().subscribe(more -> counted.run());
        VBox.setVgrow(stack, Priority.ALWAYS);
        return new VBox(8, stack, count);
    }

    /** The selected package: name, package group and the origin-control editor. */
    private Node packageCard() {
        Label name = new Label();
        name.setId("package-title");
        name.setWrapText(true);
        name.getStyleClass().add(Styles.TITLE_4);
        Label group = new Label();
        group.setId("package-group");
        group.setWrapText(true);
        group.setMinHeight(Region.USE_PREF_SIZE);
        group.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Runnable describeGroup = () -> group.setText(switch (viewModel.packageGroup().stateProperty().get()) {
            case LOADING -> "Package group: looking it up…";
            case ERROR -> "Package group: " + viewModel.packageGroup().errorMessageProperty().get();
            case EMPTY -> "";
            case READY -> viewModel.packageGroup().valueProperty().get().map(PackagesView::describe).orElse("");
        });
        viewModel.packageGroup().stateProperty().subscribe(describeGroup);
        viewModel.packageGroup().valueProperty().subscribe(describeGroup);

        Button save = new Button("Save origin controls", new FontIcon(Feather.CHECK));
        PageParts.offer(this, "Save origin controls", save);
        save.setId("save-origin-controls");
        save.getStyleClass().add(Styles.ACCENT);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(viewModel.origin().canSaveProperty().not());
        save.setOnAction(e -> viewModel.origin().save());
        GridPane origin = new GridPane(8, 6);
        origin.addRow(0, fieldName("Publish"), segmented("origin-publish", viewModel.origin().publishProperty()));
        origin.addRow(1, fieldName("Upstream"), segmented("origin-upstream", viewModel.origin().upstreamProperty()));
        origin.add(save, 1, 2);
        VBox card = new VBox(6, name, group, origin);
        card.getStyleClass().add("details-panel");
        viewModel.selectedPackageProperty().subscribe(pkg -> {
            name.setText(pkg == null ? "Select a package" : pkg.display() + " (" + pkg.format() + ")");
            origin.setDisable(pkg == null);
        });
        return card;
    }

    private Node versionsPane() {
        versions.setId("versions-table");
        versions.setItems(viewModel.versions().items());
        versions.getColumns().setAll(PackageColumns.ofVersions());
        PageParts.loadMoreNearEnd(versions, LOAD_AHEAD, viewModel.versions()::loadMore);
        BulkMenus.attachToVersions(versions, viewModel.bulk());
        versions.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedVersionProperty()::set);
        versions.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && viewModel.selectedVersionProperty().get() != null) {
                details.focusContent();
                event.consume();
            }
        });
        ComboBox<Optional<VersionStatus>> status = choice("versions-status", viewModel.statusChoices(),
                viewModel.statusFilterProperty(), s -> s.map(VersionStatus::wireName).orElse("Every status"));
        Label title = new Label("Versions, newest first");
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox empty = PageParts.stateBox(Feather.LAYERS, "No versions to show", viewModel.selectedPackageProperty()
                .map(p -> "No version of " + p.display() + " has this status.")
                .orElse("Select a package to see its versions."));
        StackPane stack = PageParts.stateStack(versions, viewModel.versions().stateProperty(), empty,
                PageParts.errorBox("The versions could not be loaded", viewModel.versions().errorMessageProperty()));
        VBox.setVgrow(stack, Priority.ALWAYS);
        VBox box = new VBox(8, bar, stack);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /** Moves the focus to {@code table}, selecting its first row when none is. */
    private static void open(TableView<?> table) {
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
        table.requestFocus();
    }

    /** A text field that hands its text to {@code target} once typing pauses, or at once on Enter. */
    private static TextField debounced(StringProperty target) {
        TextField field = new TextField(target.get());
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(e -> target.set(field.getText()));
        field.textProperty().addListener((o, before, now) -> pause.playFromStart());
        field.setOnAction(e -> {
            pause.stop();
            target.set(field.getText());
        });
        target.addListener((o, before, now) -> {
            if (!field.getText().equals(now)) {
                field.setText(now);
            }
        });
        return field;
    }

    private static <T> ComboBox<T> choice(String id, List<T> choices, ObjectProperty<T> value,
                                          Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getItems().setAll(choices);
        box.valueProperty().bindBidirectional(value);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        return box;
    }

    /**
     * Allow | Block as a ControlsFX segmented button following {@code value}; its skin gives the buttons AtlantaFX's
     * pill classes, so it looks like the theme's joined buttons.
     */
    private static Node segmented(String id, ObjectProperty<String> value) {
        SegmentedButton box = new SegmentedButton();
        box.setId(id);
        for (String choice : OriginControlsViewModel.CHOICES) {
            ToggleButton button = new ToggleButton(choice.charAt(0) + lower(choice).substring(1));
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setId(id + "-" + lower(choice));
            button.setUserData(choice);
            box.getButtons().add(button);
        }
        ToggleGroup group = box.getToggleGroup();
        group.selectedToggleProperty().subscribe((before, now) -> {
            if (now != null) {
                value.set((String) now.getUserData());
            } else if (before != null && value.get() != null) {
                before.setSelected(true); // clicking the chosen one again keeps it: one of the two is always chosen
            }
        });
        value.subscribe(v -> group.selectToggle(group.getToggles().stream()
                .filter(t -> t.getUserData().equals(v)).findFirst().orElse(null)));
        return box;
    }

    /** The group's pattern and description, its contact, then what its origin controls allow and block. */
    private static String describe(PackageGroupInfo group) {
        String origin = group.effectiveOrigin().entrySet().stream()
                .map(e -> lower(e.getKey()).replace('_', ' ') + " " + lower(e.getValue()))
                .collect(Collectors.joining(", "));
        return "Package group " + group.pattern()
                + (group.description().isEmpty() ? "" : " (" + group.description() + ")")
                + (group.contactInfo().isEmpty() ? "" : "\nContact: " + group.contactInfo())
                + (origin.isEmpty() ? "" : "\nGroup origin controls: " + origin);
    }

    private static Label fieldName(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}

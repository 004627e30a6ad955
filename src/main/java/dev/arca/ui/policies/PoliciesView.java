package dev.arca.ui.policies;

import atlantafx.base.theme.Styles;
import dev.arca.core.iam.DecidingStatement;
import dev.arca.core.policy.PolicySummary;
import dev.arca.ui.common.PageParts;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Policies page: tabs for the resource policies (the domain's and its repositories', edited here), the access
 * simulator and the principals. The last two are filled by {@link #setSimulatorPane} and {@link #setPrincipalsPane}.
 */
public final class PoliciesView extends BorderPane {

    /** The stylesheet of the policy editor, also put on its dialogs. */
    public static final String STYLESHEET =
            Objects.requireNonNull(PoliciesView.class.getResource("policies.css")).toExternalForm();

    private final PoliciesViewModel viewModel;
    private final Tab resources = new Tab("Resource policies");
    private final Tab simulator = new Tab("Access simulator");
    private final Tab principals = new Tab("Principals");
    private final StackPane editorSlot = new StackPane();
    private final ListView<PolicySummary> list;
    private final TabPane tabs = new TabPane();
    private Optional<PolicyEditorPane> openEditor = Optional.empty();
    private SimulatorLink link;

    public PoliciesView(PoliciesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
        setId("page-policies");
        PageParts.useSceneStylesheets(this, PageParts.STYLESHEET, STYLESHEET);
        Label title = new Label("Policies");
        title.setId("page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Who may use the domain and its repositories: resource policies, checked as you type.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        setTop(new VBox(4, title, subtitle));

        list = new ListView<>(viewModel.resources());
        resources.setContent(resourcesTab());
        resources.setId("tab-resource-policies");
        simulator.setId("tab-access-simulator");
        principals.setId("tab-principals");
        setSimulatorPane(notYet("The access simulator is not wired to this page yet."));
        setPrincipalsPane(notYet("The principals list is not wired to this page yet."));
        tabs.getTabs().setAll(resources, simulator, principals);
        tabs.setId("policies-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane.setMargin(tabs, new Insets(12, 0, 0, 0));
        setCenter(tabs);

        viewModel.editorProperty().subscribe(this::showEditor);
        sceneProperty().subscribe(scene -> {
            if (scene != null && viewModel.domainProperty().get() == null) {
                viewModel.loadDomains();
            }
        });
    }

    /** Shows {@code pane} in the "Access simulator" tab. */
    public void setSimulatorPane(Node pane) {
        simulator.setContent(Objects.requireNonNull(pane));
    }

    /**
     * Highlights in the open editor the statements that decided the simulator's last answer, whenever it answers;
     * {@link #showStatement} brings one into view.
     */
    public void highlightDecidingStatements(ObservableList<DecidingStatement> statements, SimulatorLink link) {
        this.link = Objects.requireNonNull(link);
        statements.subscribe(() -> openCodeArea().ifPresent(area -> {
            area.clearHighlights();
            statements.stream().filter(link::isInOpenEditor)
                    .forEach(s -> area.highlightLines(s.startLine(), s.endLine()));
        }));
    }

    /** Switches to the editor and shows {@code statement} there, when it is written in the policy open in it. */
    public void showStatement(DecidingStatement statement) {
        if (link != null && link.isInOpenEditor(statement)) {
            tabs.getSelectionModel().select(resources);
            openCodeArea().ifPresent(area -> area.highlightLines(statement.startLine(), statement.endLine()));
        }
    }

    /** Shows {@code pane} in the "Principals" tab. */
    public void setPrincipalsPane(Node pane) {
        principals.setContent(Objects.requireNonNull(pane));
    }

    /** The code area of the policy open now, for the simulator to highlight the statements that decided. */
    public Optional<PolicyCodeArea> openCodeArea() {
        return openEditor.map(PolicyEditorPane::codeArea);
    }

    private Node resourcesTab() {
        ComboBox<String> domain = new ComboBox<>(viewModel.domains());
        domain.setId("policies-domain");
        domain.setPromptText("Domain");
        viewModel.domainProperty().subscribe(domain::setValue);
        domain.setOnAction(e -> {
            if (domain.getValue() != null && !viewModel.chooseDomain(domain.getValue())) {
                domain.setValue(viewModel.domainProperty().get());
            }
        });
        list.setId("policies-list");
        list.setCellFactory(l -> new ResourceCell(viewModel));
        viewModel.changes().subscribe(list::refresh);
        list.getSelectionModel().selectedItemProperty().subscribe((before, now) -> {
            if (now != null && !viewModel.select(now)) {
                javafx.application.Platform.runLater(() -> list.getSelectionModel().select(before));
            }
        });
        viewModel.selectedProperty().subscribe(s -> {
            if (s == null) {
                list.getSelectionModel().clearSelection();
            }
        });
        VBox empty = PageParts.stateBox(Feather.SHIELD, "No domain yet",
                "Create a domain on the Domains page; its policies show here.");
        VBox error = PageParts.errorBox("The policies could not be read", viewModel.errorMessageProperty(),
                viewModel::refresh);
        StackPane listStack = PageParts.stateStack(list, viewModel.stateProperty(), empty, error);
        VBox left = new VBox(8, domain, listStack);
        VBox.setVgrow(listStack, javafx.scene.layout.Priority.ALWAYS);
        left.setMinWidth(220);
        domain.setMaxWidth(Double.MAX_VALUE);
        SplitPane split = new SplitPane(left, editorSlot);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(left, false);
        split.setPadding(new Insets(12, 0, 0, 0));
        return split;
    }

    private void showEditor(Optional<PolicyEditorViewModel> editor) {
        openEditor = editor.map(PolicyEditorPane::new);
        editorSlot.getChildren().setAll(openEditor.<Node>map(p -> p).orElseGet(() -> PageParts.stateBox(
                Feather.FILE_TEXT, "Pick a resource", "Choose the domain or a repository on the left to edit its policy.")));
    }

    private static Node notYet(String sentence) {
        return PageParts.stateBox(Feather.CLOCK, "Not here yet", sentence);
    }

    private static final class ResourceCell extends ListCell<PolicySummary> {

        private static final String CHANGE_HELP = "When the policy changed, as Arca saw it: CodeArtifact keeps no "
                + "change time for policies, so Arca notes the revision it sees each time it reads the list.";
        private final PoliciesViewModel viewModel;

        ResourceCell(PoliciesViewModel viewModel) {
            this.viewModel = viewModel;
        }

        @Override
        protected void updateItem(PolicySummary row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                setId(null);
                return;
            }
            boolean domain = row.target().repository().isEmpty();
            Label name = new Label(row.target().repository().orElse(row.target().domain() + " (domain)"),
                    new FontIcon(domain ? Feather.GLOBE : Feather.ARCHIVE));
            Label revision = new Label(row.revision().map(r -> "rev " + shortRevision(r)).orElse("no policy"));
            revision.getStyleClass().addAll(Styles.TEXT_SMALL, row.hasPolicy() ? Styles.ACCENT : Styles.TEXT_MUTED);
            HBox box = new HBox(8, name, new javafx.scene.layout.Region(), revision);
            HBox.setHgrow(box.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            Optional<PolicyRevisionLog.Change> change = Optional.ofNullable(viewModel.changes().get(row.resourceArn()));
            if (change.isPresent()) {
                Label changed = new Label(change.get().describe(row.hasPolicy(), ZoneId.systemDefault()));
                changed.setId("policy-changed-" + row.target().key().replace('/', '-'));
                changed.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                changed.setTooltip(new Tooltip(CHANGE_HELP));
                setGraphic(new VBox(2, box, changed));
            } else {
                setGraphic(box);
            }
            setText(null);
            setId("policy-row-" + row.target().key().replace('/', '-'));
        }

        private static String shortRevision(String revision) {
            return revision.length() > 10 ? revision.substring(0, 10) + "…" : revision;
        }
    }
}

package dev.arca.ui.policies;

import dev.arca.ui.common.PageParts;
import atlantafx.base.theme.Styles;
import dev.arca.core.policy.FindingType;
import dev.arca.core.policy.PolicyTemplate;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One policy open for editing: toolbar, the draft and conflict banners, the code area and the findings list. */
final class PolicyEditorPane extends VBox {

    private final PolicyEditorViewModel editor;
    private final PolicyCodeArea code = new PolicyCodeArea();
    private Subscription conflictWatch = Subscription.EMPTY;

    PolicyEditorPane(PolicyEditorViewModel editor) {
        super(8);
        this.editor = Objects.requireNonNull(editor);
        setId("policy-editor");
        code.setId("policy-code");
        code.wrapLongLines();
        code.bindText(editor.textProperty());
        editor.marks().subscribe(() -> code.setMarks(editor.marks()));
        code.setMarks(editor.marks());

        ListView<PolicyMark> findings = new ListView<>(editor.marks());
        findings.setId("policy-findings");
        findings.setPlaceholder(new Label("No findings: Access Analyzer has nothing to say about this policy."));
        findings.setCellFactory(list -> new FindingCell());
        findings.getSelectionModel().selectedItemProperty().subscribe(mark -> {
            if (mark != null) {
                mark.start().ifPresent(code::moveTo);
            }
        });
        SplitPane split = new SplitPane(code, findings);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.74);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(toolbar(), draftBanner(), conflictBanner(), split);
        sceneProperty().subscribe(scene -> {
            conflictWatch.unsubscribe();
            if (scene != null) {
                conflictWatch = editor.conflictProperty().subscribe(c -> c.ifPresent(found ->
                        javafx.application.Platform.runLater(() -> resolve(found))));
            }
        });
    }

    /** The code area, so the simulator can highlight what decided. */
    PolicyCodeArea codeArea() {
        return code;
    }

    private HBox toolbar() {
        MenuButton templates = new MenuButton("Templates", new FontIcon(Feather.FILE_TEXT));
        templates.setId("policy-templates");
        for (PolicyTemplate template : editor.templates()) {
            MenuItem item = new MenuItem(template.title());
            item.setOnAction(e -> editor.applyTemplate(template));
            templates.getItems().add(item);
        }
        Button format = new Button("Format", new FontIcon(Feather.ALIGN_LEFT));
        PageParts.offer(this, "Format policy", format);
        format.setId("policy-format");
        format.setOnAction(e -> editor.format());
        Label state = new Label();
        state.setId("policy-validation");
        state.getStyleClass().add(Styles.TEXT_MUTED);
        state.textProperty().bind(Bindings.createStringBinding(() -> editor.validatingProperty().get()
                        ? "Checking with Access Analyzer…" : editor.statusProperty().get(),
                editor.validatingProperty(), editor.statusProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button save = new Button("Review and save…", new FontIcon(Feather.SAVE));
        PageParts.offer(this, "Review and save policy…", save);
        save.setId("policy-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(editor.canSaveProperty().not());
        save.setOnAction(e -> {
            if (PolicyDialogs.confirmSave(getScene().getWindow(), editor)) {
                editor.save();
            }
        });
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        PageParts.offer(this, "Delete policy", delete);
        delete.setId("policy-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(editor.canDeleteProperty().not());
        delete.setOnAction(e -> editor.delete());
        HBox bar = new HBox(8, templates, format, state, spacer, delete, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox draftBanner() {
        Label text = new Label("An unsaved edit of this policy from earlier was kept.");
        Button restore = new Button("Restore it");
        restore.setId("policy-restore-draft");
        restore.setOnAction(e -> editor.restoreDraft());
        Button discard = new Button("Discard it");
        discard.setOnAction(e -> editor.discardDraft());
        HBox banner = new HBox(8, new FontIcon(Feather.ARCHIVE), text, restore, discard);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("policy-banner");
        banner.visibleProperty().bind(Bindings.createBooleanBinding(() -> editor.offeredDraftProperty().get()
                .isPresent(), editor.offeredDraftProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox conflictBanner() {
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> editor.conflictProperty().get()
                .map(PolicyConflict::describe).orElse(""), editor.conflictProperty()));
        Button open = new Button("Resolve…");
        open.setId("policy-resolve");
        open.setOnAction(e -> editor.conflictProperty().get().ifPresent(this::resolve));
        HBox banner = new HBox(8, new FontIcon(Feather.GIT_MERGE), text, open);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("policy-banner");
        banner.visibleProperty().bind(Bindings.createBooleanBinding(() -> editor.conflictProperty().get()
                .isPresent(), editor.conflictProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void resolve(PolicyConflict conflict) {
        if (editor.conflictProperty().get().isEmpty()) {
            return;
        }
        PolicyDialogs.resolve(getScene().getWindow(), conflict).ifPresent(choice -> {
            if (choice == PolicyDialogs.REBASE) {
                editor.rebaseOntoTheirs();
            } else if (choice == PolicyDialogs.DISCARD) {
                editor.discardChanges();
            }
        });
    }

    /** A finding: its icon (one per cell, kept: the local problem's cell changes on nearly every key) and text. */
    private static final class FindingCell extends ListCell<PolicyMark> {
        private static final List<String> STYLES = List.of("finding-error", "finding-suggestion", "finding-warning");
        private final FontIcon icon = new FontIcon();

        FindingCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(PolicyMark mark, boolean empty) {
            super.updateItem(mark, empty);
            if (empty || mark == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            icon.setIconCode(mark.type() == FindingType.ERROR ? Feather.X_OCTAGON
                    : mark.type() == FindingType.SUGGESTION ? Feather.INFO : Feather.ALERT_TRIANGLE);
            String style = mark.type() == FindingType.ERROR ? STYLES.get(0)
                    : mark.type() == FindingType.SUGGESTION ? STYLES.get(1) : STYLES.get(2);
            if (!icon.getStyleClass().contains(style)) {
                icon.getStyleClass().removeAll(STYLES);
                icon.getStyleClass().add(style);
            }
            setGraphic(icon);
            setText(mark.describe());
        }
    }
}

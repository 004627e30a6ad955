package dev.arca.ui.packages.bulk;

import atlantafx.base.theme.Styles;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.core.retention.ActionKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Where the Packages page offers bulk actions: a context menu on the versions and packages tables (right click, the
 * context-menu key or Shift+F10), shortcuts on them (Delete, Ctrl+Shift+A to archive, Ctrl+Shift+C to copy), and the
 * status buttons of the version shown in detail. Each opens a {@link BulkActionDialog}.
 */
public final class BulkMenus {

    private static final KeyCombination ARCHIVE = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);

    private BulkMenus() {
    }

    /** Multi-selection and the bulk actions on the versions table. */
    public static void attachToVersions(TableView<VersionInfo> table, PackageBulkActions actions) {
        attach(table, actions.selectedVersions(), "bulk-versions-", actions::canActOnVersions,
                actions::actOnVersions);
    }

    /** Multi-selection and the bulk actions, on every version of the selected packages, on the packages table. */
    public static void attachToPackages(TableView<PackageInfo> table, PackageBulkActions actions) {
        attach(table, actions.selectedPackages(), "bulk-packages-", kind -> actions.canActOnPackagesProperty(),
                actions::actOnPackages);
    }

    /** The status changes of the version shown in detail: Restore, Unlist, Archive, Dispose…, Delete…. */
    public static Node shownVersionActions(PackageBulkActions actions) {
        // Wraps rather than widening the details column: the package list beside it needs the room more.
        FlowPane bar = new FlowPane(4, 4);
        bar.setId("version-actions");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (ActionKind kind : PackageBulkActions.STATUS_ACTIONS) {
            Button button = new Button(label(kind).replace(" (Published)", ""), new FontIcon(icon(kind)));
            button.setId("version-" + kind.ruleName());
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            if (kind == ActionKind.DISPOSE || kind == ActionKind.DELETE) {
                button.getStyleClass().add(Styles.DANGER);
            }
            button.setTooltip(new Tooltip(label(kind).replace("…", "") + " this version"));
            button.disableProperty().bind(actions.canActOnShownVersion(kind).not());
            button.setOnAction(e -> actions.actOnShownVersion(kind).ifPresent(vm -> BulkActionDialog.open(bar, vm)));
            bar.getChildren().add(button);
        }
        return bar;
    }

    /** The menu's text for an action. */
    static String label(ActionKind kind) {
        return switch (kind) {
            case COPY -> "Copy to…";
            case PUBLISH -> "Restore (Published)";
            case UNLIST -> "Unlist";
            case ARCHIVE -> "Archive";
            case DISPOSE -> "Dispose…";
            case DELETE -> "Delete…";
            case KEEP -> "Keep";
        };
    }

    private static <T> void attach(TableView<T> table, ObservableList<T> selected, String idPrefix,
                                   Function<ActionKind, BooleanBinding> enabled,
                                   Function<ActionKind, Optional<BulkActionViewModel>> start) {
        Objects.requireNonNull(start);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // The selection model's list passes through states with gaps while it changes: keep a clean copy.
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<T>) change -> selected.setAll(
                table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList()));
        ContextMenu menu = new ContextMenu();
        for (ActionKind kind : PackageBulkActions.ACTIONS) {
            if (kind == ActionKind.DISPOSE) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(label(kind), new FontIcon(icon(kind)));
            item.setId(idPrefix + kind.ruleName());
            item.disableProperty().bind(enabled.apply(kind).not());
            item.setOnAction(e -> start.apply(kind).ifPresent(vm -> BulkActionDialog.open(table, vm)));
            menu.getItems().add(item);
        }
        // No accelerators on the items: a control's context menu installs them scene-wide, where the two tables'
        // Delete would clash. The keys work where the selection is.
        table.setContextMenu(menu);
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.CONTEXT_MENU || event.getCode() == KeyCode.F10 && event.isShiftDown()) {
                // Not every platform turns these keys into a context-menu request: open it at the focused row.
                Node anchor = focusedRow(table).orElse(table);
                Bounds at = anchor.localToScreen(anchor.getBoundsInLocal());
                // Beside the row's start rather than over it, so the selected rows stay readable.
                menu.show(table, at.getMinX() + Math.min(at.getWidth() * 0.6, 240),
                        anchor == table ? at.getMinY() + 32 : at.getMaxY());
                event.consume();
                return;
            }
            for (ActionKind kind : List.of(ActionKind.ARCHIVE, ActionKind.COPY, ActionKind.DELETE)) {
                if (shortcut(kind).orElseThrow().match(event)) {
                    start.apply(kind).ifPresent(vm -> BulkActionDialog.open(table, vm));
                    event.consume();
                }
            }
        });
    }

    private static Optional<Node> focusedRow(TableView<?> table) {
        int focused = table.getFocusModel().getFocusedIndex();
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> row && row.getIndex() == focused && row.isVisible()).findFirst();
    }

    private static Optional<KeyCombination> shortcut(ActionKind kind) {
        return switch (kind) {
            case ARCHIVE -> Optional.of(ARCHIVE);
            case COPY -> Optional.of(COPY);
            case DELETE -> Optional.of(DELETE);
            default -> Optional.empty();
        };
    }

    private static Ikon icon(ActionKind kind) {
        return switch (kind) {
            case COPY -> Feather.COPY;
            case PUBLISH -> Feather.ROTATE_CCW;
            case UNLIST -> Feather.EYE_OFF;
            case ARCHIVE -> Feather.ARCHIVE;
            case DISPOSE -> Feather.TRASH;
            case DELETE, KEEP -> Feather.TRASH_2;
        };
    }
}

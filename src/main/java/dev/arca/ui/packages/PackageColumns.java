package dev.arca.ui.packages;

import atlantafx.base.theme.Styles;
import dev.arca.core.PackageInfo;
import dev.arca.core.VersionInfo;
import dev.arca.ui.common.PageParts;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The columns of the Packages page's package and version tables. */
final class PackageColumns {

    private PackageColumns() {
    }

    /** The packages table's one column. */
    static List<TableColumn<PackageInfo, ?>> ofPackages() {
        return List.of(pkg());
    }

    /**
     * The package's name, and under it, small, its format and origin controls; the tooltip says both in full, for a
     * column the user has made narrower than they need.
     */
    private static TableColumn<PackageInfo, PackageInfo> pkg() {
        TableColumn<PackageInfo, PackageInfo> column = new TableColumn<>("Package");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label name = new Label();
            private final Label details = new Label();
            private final VBox box = new VBox(0, name, details);
            private final Tooltip tooltip = new Tooltip();

            {
                details.setId("package-details");
                details.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(PackageInfo item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    name.setText(item.display());
                    details.setText(item.format() + " · publish " + lower(item.publish()) + " · upstream "
                            + lower(item.upstream()));
                    tooltip.setText(name.getText() + "\n" + details.getText());
                    setTooltip(tooltip);
                    setGraphic(box);
                }
            }
        });
        return column;
    }

    /** The version, with a badge on the package's default display version. */
    private static TableColumn<VersionInfo, VersionInfo> version() {
        TableColumn<VersionInfo, VersionInfo> column = new TableColumn<>("Version");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setPrefWidth(100);
        column.setMinWidth(100);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label version = new Label();
            private final Label badge = new Label("default");
            private final HBox box = new HBox(6, version, badge);

            {
                badge.getStyleClass().add("default-badge");
                box.setAlignment(Pos.CENTER_LEFT);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(VersionInfo item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    version.setText(item.version());
                    badge.setVisible(item.defaultDisplay());
                    badge.setManaged(item.defaultDisplay());
                    setGraphic(box);
                }
            }
        });
        return column;
    }

    /** The versions table: the version with its default badge, its status chip and its origin. */
    static List<TableColumn<VersionInfo, ?>> ofVersions() {
        return List.of(version(), StatusChip.column(VersionInfo::status, 92),
                PageParts.<VersionInfo>textColumn("Origin", v -> lower(v.originType()), 66, false));
    }

    /** An enum's wire name as users read it: {@code ALLOW} is {@code allow}. */
    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}

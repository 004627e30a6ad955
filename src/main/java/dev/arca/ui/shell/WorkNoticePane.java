package dev.arca.ui.shell;

import dev.arca.ui.common.PageParts;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The page area with a ControlsFX notification bar at its top: shows the {@link WorkNoticesViewModel}'s notice, a
 * sentence with the action that goes back to the page, and tells the ViewModel whether the window has the focus.
 * The page moves down while the bar shows, so the bar covers none of it (ControlsFX lays the bar over its content).
 */
final class WorkNoticePane extends NotificationPane {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final WorkNoticesViewModel viewModel;
    private final StackPane page;

    WorkNoticePane(Node pages, WorkNoticesViewModel viewModel) {
        page = new StackPane(pages);
        setContent(page);
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        setId("work-notice");
        getStyleClass().add("work-notice");
        setShowFromTop(true);
        PageParts.useSceneStylesheets(this, PageParts.CONTROLSFX_STYLESHEET);
        viewModel.noticeProperty().subscribe(notice -> notice.ifPresentOrElse(this::show, this::hide));
        setOnHidden(event -> viewModel.dismiss()); // closed with its own button
        skinProperty().subscribe(skin -> { // the skin builds the bar and its close button
            nameTheCloseButton();
            makeRoomForTheBar();
        });
        sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::focusedProperty)
                .subscribe(focused -> viewModel.windowFocusedProperty().set(focused == null || focused));
    }

    /** ControlsFX's close button shows only a cross: say what it does, for screen readers and as a tooltip. */
    private void nameTheCloseButton() {
        lookupAll(".close-button").forEach(node -> {
            if (node instanceof Button close) {
                close.setAccessibleText("Close the notice");
                close.setTooltip(new Tooltip("Close the notice"));
            }
        });
    }

    /** Keeps the page below the part of the bar that has slid in, through the bar's whole animation. */
    private void makeRoomForTheBar() {
        if (lookup(".notification-bar") instanceof Region bar) {
            page.paddingProperty().bind(Bindings.createObjectBinding(
                    () -> new Insets(Math.max(0, bar.getLayoutY() + bar.getHeight()), 0, 0, 0),
                    bar.layoutYProperty(), bar.heightProperty()));
        }
    }

    private void show(WorkNoticesViewModel.Notice notice) {
        FontIcon icon = new FontIcon(notice.failed() ? Feather.ALERT_TRIANGLE : Feather.CHECK_CIRCLE);
        icon.getStyleClass().add("work-notice-icon");
        setGraphic(icon);
        pseudoClassStateChanged(FAILED, notice.failed());
        Action back = new Action(notice.actionText(), event -> viewModel.goBack());
        back.setLongText(notice.actionText());
        getActions().setAll(back);
        setText(notice.sentence());
        setAccessibleText(notice.sentence());
        if (!isShowing()) {
            show();
        }
    }
}

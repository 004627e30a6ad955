package dev.arca.ui.common;

import atlantafx.base.theme.Styles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts owned by the main window, styled by the current theme. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public void showError(String title, String sentence, Throwable details) {
        Alert alert = newAlert(Alert.AlertType.ERROR, title, sentence);
        if (details != null) {
            TextArea trace = new TextArea(stackTrace(details));
            trace.setEditable(false);
            trace.setWrapText(false);
            trace.setPrefRowCount(14);
            trace.setId("error-details");
            alert.getDialogPane().setExpandableContent(trace);
        }
        alert.showAndWait();
    }

    @Override
    public void showInformation(String title, String sentence) {
        newAlert(Alert.AlertType.INFORMATION, title, sentence).showAndWait();
    }

    @Override
    public boolean confirm(String title, String sentence, String actionLabel, boolean destructive) {
        Alert alert = newAlert(Alert.AlertType.CONFIRMATION, title, sentence);
        ButtonType action = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, action);
        Button actionButton = (Button) alert.getDialogPane().lookupButton(action);
        if (destructive) {
            actionButton.getStyleClass().add(Styles.DANGER);
            // A destructive action is never the default: Enter must not confirm it.
            actionButton.setDefaultButton(false);
            ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        }
        return alert.showAndWait().filter(action::equals).isPresent();
    }

    @Override
    public boolean confirmTyped(String title, String sentence, String expected, String actionLabel) {
        Alert alert = newAlert(Alert.AlertType.WARNING, title, sentence);
        ButtonType action = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, action);
        TextField typed = new TextField();
        typed.setId("confirm-typed");
        typed.setPromptText(expected);
        javafx.scene.control.Label hint = new javafx.scene.control.Label(sentence);
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        alert.getDialogPane().setContent(new javafx.scene.layout.VBox(10, hint, typed));
        Button actionButton = (Button) alert.getDialogPane().lookupButton(action);
        actionButton.getStyleClass().add(Styles.DANGER);
        actionButton.setDefaultButton(false);
        actionButton.disableProperty().bind(typed.textProperty().isNotEqualTo(expected));
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        alert.setOnShown(e -> typed.requestFocus());
        return alert.showAndWait().filter(action::equals).isPresent() && expected.equals(typed.getText());
    }

    @Override
    public int choose(String title, String sentence, List<String> choices) {
        Alert alert = newAlert(Alert.AlertType.CONFIRMATION, title, sentence);
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            // The last answer changes nothing: it is the one Escape and closing the dialog give.
            buttons.add(new ButtonType(choices.get(i), i == choices.size() - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE
                    : ButtonBar.ButtonData.OTHER));
        }
        alert.getButtonTypes().setAll(buttons);
        ((Button) alert.getDialogPane().lookupButton(buttons.getLast())).setDefaultButton(true);
        return alert.showAndWait().map(buttons::indexOf).filter(i -> i >= 0).orElse(choices.size() - 1);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private Alert newAlert(Alert.AlertType type, String title, String sentence) {
        Alert alert = new Alert(type);
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            alert.initOwner(window);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(sentence);
        alert.getDialogPane().setMinWidth(420);
        return alert;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

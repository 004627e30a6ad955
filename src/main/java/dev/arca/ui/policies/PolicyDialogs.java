package dev.arca.ui.policies;

import dev.arca.core.policy.LineDiff;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The policy editor's dialogs: the diff before saving, and a conflict to resolve. */
final class PolicyDialogs {

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REBASE = new ButtonType("Keep my edit on top of theirs", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType DISCARD = new ButtonType("Discard my edit", ButtonBar.ButtonData.OTHER);
    static final ButtonType LATER = new ButtonType("Decide later", ButtonBar.ButtonData.CANCEL_CLOSE);

    private PolicyDialogs() {
    }

    /** Shows what saving changes; true when the user saves. */
    static boolean confirmSave(Window owner, PolicyEditorViewModel editor) {
        var rows = editor.diffToStored();
        Dialog<ButtonType> dialog = dialog(owner, "Save the policy of " + editor.target().describe(),
                LineDiff.changed(rows) ? "What saving changes, both sides formatted the same way:"
                        : "Only the layout changed: the stored policy says the same.",
                new PolicyDiffView("Stored" + editor.baseProperty().get().map(p -> " (revision " + p.revision() + ")")
                        .orElse(" (none)"), "Your edit", rows), SAVE, ButtonType.CANCEL);
        dialog.getDialogPane().setId("policy-diff-dialog");
        return dialog.showAndWait().filter(SAVE::equals).isPresent();
    }

    /** Shows a conflict: what they changed, and mine against theirs; the user's choice, if any. */
    static Optional<ButtonType> resolve(Window owner, PolicyConflict conflict) {
        VBox diffs = new VBox(8,
                new PolicyDiffView("When you started", "Theirs, stored now", conflict.theirChanges()),
                new PolicyDiffView("Theirs, stored now", "Yours", conflict.mineAgainstTheirs()));
        Dialog<ButtonType> dialog = dialog(owner, "The policy changed meanwhile", conflict.describe()
                + " Keep your edit on top of theirs (saving then replaces theirs with yours), or discard yours.",
                diffs, REBASE, DISCARD, LATER);
        dialog.getDialogPane().setId("policy-conflict-dialog");
        return dialog.showAndWait();
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, String sentence, javafx.scene.Node body,
                                             ButtonType... buttons) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label text = new Label(sentence);
        text.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(12, text, body));
        dialog.getDialogPane().getButtonTypes().setAll(buttons);
        dialog.getDialogPane().setPrefWidth(980);
        dialog.getDialogPane().setMinWidth(860);
        dialog.getDialogPane().getStylesheets().add(PoliciesView.STYLESHEET);
        dialog.setResizable(true);
        return dialog;
    }
}

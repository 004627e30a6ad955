package dev.arca.ui.connect;

import dev.arca.gateway.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** The connections dialog: add, edit, test, remove and switch connections. */
public final class ConnectionsDialog {

    private final Supplier<ConnectionsViewModel> viewModels;

    /** A dialog that builds a fresh ViewModel each time it opens, so the profile list is read afresh. */
    public ConnectionsDialog(Supplier<ConnectionsViewModel> viewModels) {
        this.viewModels = Objects.requireNonNull(viewModels, "viewModels");
    }

    /**
     * Shows the dialog over {@code owner} until the user closes it or connects.
     *
     * @param focus the connection to open in the editor, such as one whose session keys must be typed
     */
    public void show(Window owner, Optional<Connection> focus) {
        ConnectionsViewModel viewModel = viewModels.get();
        focus.ifPresent(viewModel.selectedProperty()::set);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connections");
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(new ConnectionsView(viewModel, dialog::close));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        dialog.showAndWait();
    }
}

package dev.arca.app;

import dev.arca.ui.shell.MainView;
import javafx.stage.Stage;

/** The app's real main window for GUI benchmarks outside this package ({@link ArcaGui} is package-private). */
public final class BenchMainWindow {

    private BenchMainWindow() {
    }

    /** Builds the shell into {@code stage} and shows it as the app does at start; the embedded server starts next. */
    public static MainView show(Stage stage, AppContext context) {
        return ArcaGui.showMainWindow(stage, context);
    }
}

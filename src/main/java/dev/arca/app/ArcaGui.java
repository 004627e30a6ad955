package dev.arca.app;

import dev.arca.ui.shell.MainView;
import dev.arca.ui.shell.MainViewModel;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Starts the JavaFX toolkit and shows the main window; returns when the window is closed. */
final class ArcaGui {

    static final String TITLE = "Arca";
    private static final String ICON = "/dev/arca/app/arca-256.png";

    /**
     * Held so the level sticks: JavaFX warns on every start that it was loaded from the class path, which is
     * how {@code java -jar} runs it and nothing the user can act on.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private ArcaGui() {
    }

    /** Runs the GUI until the user closes the main window. */
    static void run(CompletableFuture<AppContext> pendingContext) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(event -> closed.countDown());
            MainView view = showMainWindow(stage, pendingContext.join());
            // Only the real start offers the tour, so GUI tests that build the window are not covered by it.
            Platform.runLater(view.guidedTour()::startIfFirstRun);
            StartupReport.fromSystemProperties().ifPresent(report -> report.armOn(stage));
        });
        closed.await();
        pendingContext.join().close();
        Platform.exit();
    }

    /** Builds the shell into {@code stage} and shows it; also used by the GUI tests. */
    static MainView showMainWindow(Stage stage, AppContext context) {
        context.errorHandler().install();
        MainViewModel viewModel = context.newMainViewModel();
        MainView view = new MainView(viewModel, context::page, context.connectionsDialog(),
                context.newPaletteViewModel(), context.workNotices(), context.guidedTour());
        Scene scene = new Scene(view, 1200, 760);
        view.installShortcuts(scene);
        stage.setTitle(TITLE);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        try (InputStream icon = ArcaGui.class.getResourceAsStream(ICON)) {
            stage.getIcons().add(new Image(Objects.requireNonNull(icon, ICON)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (!viewModel.mayLeave(MainViewModel.Leaving.WINDOW)) {
                event.consume();
            }
        });
        context.attachMainWindow(stage);
        stage.show();
        Platform.runLater(context::startEmbeddedServer);
        return view;
    }
}

package dev.arca.ui.common;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one handler for failures nobody else handled: logs the stack trace once and shows the user a
 * plain sentence with the details on demand. While one such dialog is open, further failures are only logged,
 * so a failure in a loop cannot bury the user in dialogs.
 */
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler, Consumer<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrorHandler.class);

    private final DialogService dialogs;
    private final AtomicBoolean dialogOpen = new AtomicBoolean();

    public UncaughtErrorHandler(DialogService dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    /** Makes this the handler for every thread, the JavaFX application thread included. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.error("Uncaught failure on thread {}", thread.getName(), failure);
        show(failure);
    }

    /** Handles a failure a background task did not handle itself. */
    @Override
    public void accept(Throwable failure) {
        LOG.error("Unhandled task failure", failure);
        show(failure);
    }

    private void show(Throwable failure) {
        if (!dialogOpen.compareAndSet(false, true)) {
            return;
        }
        Runnable showDialog = () -> {
            try {
                dialogs.showError("Something went wrong", UserMessages.describe(failure), failure);
            } finally {
                dialogOpen.set(false);
            }
        };
        // Always deferred: showAndWait is refused while JavaFX is laying out or animating.
        Platform.runLater(showDialog);
    }
}

package dev.arca.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every dialog the app shows goes through here, so ViewModels can ask for one without knowing JavaFX
 * and tests can answer for the user. Users see a plain sentence; details are on demand.
 */
public interface DialogService {

    /** Shows a plain-sentence error; {@code details}, when not null, goes into an expandable area. */
    void showError(String title, String sentence, Throwable details);

    void showInformation(String title, String sentence);

    /**
     * Asks the user to confirm an action.
     *
     * @param actionLabel the confirming button's text, naming the action ("Delete repository")
     * @param destructive whether to style the confirming button as dangerous
     * @return true when the user confirmed
     */
    boolean confirm(String title, String sentence, String actionLabel, boolean destructive);

    /**
     * Asks the user to confirm an action that cannot be undone by typing {@code expected} (a repository's name); the
     * confirming button is enabled only once the text matches.
     *
     * @return true when the user typed {@code expected} and confirmed
     */
    boolean confirmTyped(String title, String sentence, String expected, String actionLabel);

    /**
     * Asks the user to pick one of several answers, the last being the one that changes nothing ("Stay").
     *
     * @param choices the buttons' texts, in order
     * @return the index of the chosen answer; the last one when the dialog is closed without an answer
     */
    int choose(String title, String sentence, java.util.List<String> choices);

    /**
     * Asks where to save a file.
     *
     * @param suggestedName the file name offered first
     * @return the chosen path, or empty when the user cancelled
     */
    Optional<Path> chooseSaveFile(String title, String suggestedName);
}

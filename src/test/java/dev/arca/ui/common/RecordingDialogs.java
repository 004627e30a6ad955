package dev.arca.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} for ViewModel tests: records what would be shown and answers confirmations. */
public final class RecordingDialogs implements DialogService {

    private final List<String> shown = new ArrayList<>();
    private boolean confirmAnswer = true;
    private Optional<Path> saveFileAnswer = Optional.empty();
    private String typedAnswer = "";
    private String choiceAnswer = "";

    /** Everything shown so far: "error: …", "info: …", "confirm: ACTION (danger): SENTENCE". */
    public List<String> shown() {
        return shown;
    }

    public void answerConfirmations(boolean answer) {
        confirmAnswer = answer;
    }

    /** What the user types into the next typed confirmations; empty (the default) answers as one who cancels. */
    public void answerTyped(String typed) {
        typedAnswer = typed;
    }

    /** The answer the next questions with several answers get, by its text; empty (the default) picks the last. */
    public void answerChoice(String choice) {
        choiceAnswer = choice;
    }

    /** The path the next save dialogs answer with; empty (the default) answers as a user who cancels. */
    public void answerSaveFile(Optional<Path> answer) {
        saveFileAnswer = answer;
    }

    @Override
    public void showError(String title, String sentence, Throwable details) {
        shown.add("error: " + sentence);
    }

    @Override
    public void showInformation(String title, String sentence) {
        shown.add("info: " + sentence);
    }

    @Override
    public boolean confirm(String title, String sentence, String actionLabel, boolean destructive) {
        shown.add("confirm: " + actionLabel + (destructive ? " (danger)" : "") + ": " + sentence);
        return confirmAnswer;
    }

    @Override
    public boolean confirmTyped(String title, String sentence, String expected, String actionLabel) {
        shown.add("typed: " + actionLabel + " (type " + expected + "): " + sentence);
        return typedAnswer.equals(expected);
    }

    @Override
    public int choose(String title, String sentence, List<String> choices) {
        shown.add("choose: " + String.join(" / ", choices) + ": " + sentence);
        int chosen = choices.indexOf(choiceAnswer);
        return chosen < 0 ? choices.size() - 1 : chosen;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        shown.add("save: " + suggestedName);
        return saveFileAnswer;
    }
}

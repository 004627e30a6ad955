package dev.arca.ui.common;

import java.util.ArrayList;
import java.util.List;

/** A {@link DialogService} for ViewModel tests: records what would be shown and answers confirmations. */
public final class RecordingDialogs implements DialogService {

    private final List<String> shown = new ArrayList<>();
    private boolean confirmAnswer = true;

    /** Everything shown so far: "error: …", "info: …", "confirm: ACTION (danger): SENTENCE". */
    public List<String> shown() {
        return shown;
    }

    public void answerConfirmations(boolean answer) {
        confirmAnswer = answer;
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
}

package dev.arca.ui.shell;

import dev.arca.ui.common.UserSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The short guided tour of the first start: a few steps, each pointing at a real control of the main window.
 * Finishing or skipping it is remembered in the user settings, so it starts by itself only once.
 */
public final class GuidedTourViewModel {

    /** The settings key that says the user has finished or skipped the tour. */
    static final String SEEN_KEY = "tour.seen";

    /** One step: the {@code fx:id} of the control it points at, a title and one or two sentences. */
    public record Step(String targetId, String title, String text) {
        public Step {
            Objects.requireNonNull(targetId, "targetId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }

    static final List<Step> STEPS = List.of(
            new Step("connection-picker", "Your connection",
                    "Arca starts on its built-in local server. Click here to switch to an AWS account or add one."),
            new Step("nav-" + Page.UPSTREAM_GRAPH.id(), "The upstream graph",
                    "See how repositories pull from each other and from public registries, in search order."),
            new Step("nav-" + Page.WORKFLOWS.id(), "Workflows",
                    "Copy, archive or clean up many versions at once — always with a dry run first."),
            new Step("theme-toggle", "Everything at your fingertips",
                    "Press Ctrl+K for the command palette, Ctrl+1…7 for the pages. Start this tour again with the ? button."));

    private final UserSettings settings;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex");
    private boolean steppedAside;

    public GuidedTourViewModel(UserSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    // Properties

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    public List<Step> steps() {
        return STEPS;
    }

    /** The step shown, empty while the tour is closed. */
    public Optional<Step> currentStep() {
        return showing.get() ? Optional.of(STEPS.get(stepIndex.get())) : Optional.empty();
    }

    public boolean isFirstStep() {
        return stepIndex.get() == 0;
    }

    public boolean isLastStep() {
        return stepIndex.get() == STEPS.size() - 1;
    }

    /** "Step 2 of 4", for the callout and screen readers. */
    public String progressText() {
        return "Step " + (stepIndex.get() + 1) + " of " + STEPS.size();
    }

    /** Whether the user has finished or skipped the tour before. */
    public boolean seen() {
        return settings.getBoolean(SEEN_KEY, false);
    }

    // Commands

    /** Starts the tour unless the user has finished or skipped it before; returns whether it started. */
    public boolean startIfFirstRun() {
        if (seen()) {
            return false;
        }
        start();
        return true;
    }

    /**
     * The sample domain starts loading: a tour on screen steps aside, not remembered as seen, since the window it
     * points at is about to fill; {@link #offerAfterSampleDomain} brings it back.
     */
    public void stepAside() {
        if (showing.get()) {
            showing.set(false);
            steppedAside = true;
        }
    }

    /**
     * The sample domain's load has ended: unless the user has finished or skipped the tour, it starts from its first
     * step, now with real data to point at. After a failed load only a tour that stepped aside comes back.
     *
     * @return whether the tour started
     */
    public boolean offerAfterSampleDomain(boolean loaded) {
        boolean cameBack = steppedAside;
        steppedAside = false;
        if (seen() || showing.get() || !(loaded || cameBack)) {
            return false;
        }
        start();
        return true;
    }

    /** Starts the tour from its first step, also when it was seen (the "show the tour" action). */
    public void start() {
        steppedAside = false;
        stepIndex.set(0);
        showing.set(true);
    }

    /** The next step; on the last step this finishes the tour. */
    public void next() {
        if (!showing.get()) {
            return;
        }
        if (isLastStep()) {
            dismiss();
        } else {
            stepIndex.set(stepIndex.get() + 1);
        }
    }

    public void back() {
        if (showing.get() && !isFirstStep()) {
            stepIndex.set(stepIndex.get() - 1);
        }
    }

    /** Closes the tour (skip, Esc or finish) and remembers it so it does not start by itself again. */
    public void dismiss() {
        if (!showing.get()) {
            return;
        }
        showing.set(false);
        settings.put(SEEN_KEY, "true");
    }
}

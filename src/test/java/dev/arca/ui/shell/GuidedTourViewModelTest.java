package dev.arca.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.ui.common.UserSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuidedTourViewModelTest {

    @TempDir
    Path temp;

    private GuidedTourViewModel tour() {
        return new GuidedTourViewModel(UserSettings.load(temp.resolve("settings.properties")));
    }

    @Test
    void firstRunStartsAtTheConnectionPicker() {
        GuidedTourViewModel tour = tour();

        assertThat(tour.startIfFirstRun()).isTrue();

        assertThat(tour.showingProperty().get()).isTrue();
        assertThat(tour.currentStep().orElseThrow().targetId()).isEqualTo("connection-picker");
        assertThat(tour.progressText()).isEqualTo("Step 1 of " + tour.steps().size());
        assertThat(tour.isFirstStep()).isTrue();
    }

    @Test
    void stepsPointAtTheGraphAndWorkflowsEntries() {
        assertThat(tour().steps()).extracting(GuidedTourViewModel.Step::targetId)
                .contains("nav-" + Page.UPSTREAM_GRAPH.id(), "nav-" + Page.WORKFLOWS.id())
                .hasSizeBetween(3, 4);
    }

    @Test
    void nextAndBackMoveBetweenStepsWithinBounds() {
        GuidedTourViewModel tour = tour();
        tour.start();

        tour.back();
        assertThat(tour.stepIndexProperty().get()).isZero();
        tour.next();
        tour.next();
        assertThat(tour.currentStep().orElseThrow().targetId()).isEqualTo("nav-" + Page.WORKFLOWS.id());
        tour.back();
        assertThat(tour.stepIndexProperty().get()).isEqualTo(1);
    }

    @Test
    void nextOnTheLastStepFinishesAndIsRemembered() {
        GuidedTourViewModel tour = tour();
        tour.start();
        for (int i = 0; i < tour.steps().size(); i++) {
            tour.next();
        }

        assertThat(tour.showingProperty().get()).isFalse();
        assertThat(tour.currentStep()).isEmpty();
        assertThat(tour().startIfFirstRun()).isFalse();
    }

    @Test
    void skippingIsRememberedAcrossRestarts() {
        GuidedTourViewModel tour = tour();
        tour.startIfFirstRun();
        tour.dismiss();

        GuidedTourViewModel restarted = tour();
        assertThat(restarted.seen()).isTrue();
        assertThat(restarted.startIfFirstRun()).isFalse();
        assertThat(restarted.showingProperty().get()).isFalse();
    }

    @Test
    void startShowsTheTourAgainAfterItWasSeen() {
        GuidedTourViewModel tour = tour();
        tour.start();
        tour.next();
        tour.dismiss();

        tour.start();

        assertThat(tour.showingProperty().get()).isTrue();
        assertThat(tour.stepIndexProperty().get()).isZero();
    }

    @Test
    void closingATourThatIsNotShowingRemembersNothing() {
        GuidedTourViewModel tour = tour();
        tour.dismiss();
        tour.next();

        assertThat(tour.seen()).isFalse();
    }

    @Test
    void aLoadedSampleDomainStartsATourNotSeenBefore() {
        GuidedTourViewModel tour = tour();

        assertThat(tour.offerAfterSampleDomain(true)).isTrue();

        assertThat(tour.showingProperty().get()).isTrue();
        assertThat(tour.stepIndexProperty().get()).isZero();
    }

    @Test
    void aLoadedSampleDomainDoesNotStartATourFinishedOrSkippedBefore() {
        GuidedTourViewModel tour = tour();
        tour.start();
        tour.dismiss();

        assertThat(tour().offerAfterSampleDomain(true)).isFalse();
        assertThat(tour.offerAfterSampleDomain(true)).isFalse();
        assertThat(tour.showingProperty().get()).isFalse();
    }

    @Test
    void aTourOnScreenStepsAsideWhileTheSampleLoadsAndComesBackAtItsFirstStep() {
        GuidedTourViewModel tour = tour();
        tour.startIfFirstRun();
        tour.next();

        tour.stepAside();
        assertThat(tour.showingProperty().get()).isFalse();
        assertThat(tour().seen()).as("stepping aside is not skipping").isFalse();

        assertThat(tour.offerAfterSampleDomain(true)).isTrue();
        assertThat(tour.currentStep().orElseThrow().targetId()).isEqualTo("connection-picker");
    }

    @Test
    void aFailedLoadBringsBackOnlyATourThatSteppedAside() {
        GuidedTourViewModel untouched = tour();
        assertThat(untouched.offerAfterSampleDomain(false)).isFalse();
        assertThat(untouched.showingProperty().get()).isFalse();

        GuidedTourViewModel aside = tour();
        aside.start();
        aside.stepAside();
        assertThat(aside.offerAfterSampleDomain(false)).isTrue();
        assertThat(aside.showingProperty().get()).isTrue();
    }

    @Test
    void aTourTheUserOpenedDuringTheLoadKeepsItsStep() {
        GuidedTourViewModel tour = tour();
        tour.start();
        tour.next();

        assertThat(tour.offerAfterSampleDomain(true)).isFalse();
        assertThat(tour.stepIndexProperty().get()).isEqualTo(1);
    }
}

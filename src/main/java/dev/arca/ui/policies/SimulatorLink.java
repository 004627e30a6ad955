package dev.arca.ui.policies;

import dev.arca.core.iam.DecidingStatement;
import dev.arca.core.policy.PolicySummary;
import dev.arca.ui.access.AccessSimulatorViewModel;
import dev.arca.ui.access.AccessSimulatorViewModel.DraftOf;
import java.util.Objects;
import java.util.Optional;
import javafx.util.Subscription;

/**
 * Keeps the access simulator on what the Resource policies tab shows: its domain, the repository last opened, and
 * the open editor's unsaved text as the draft it may answer with. Lives as long as the page.
 */
public final class SimulatorLink {

    private final PoliciesViewModel policies;
    private final AccessSimulatorViewModel simulator;
    private Subscription draft = Subscription.EMPTY;

    private SimulatorLink(PoliciesViewModel policies, AccessSimulatorViewModel simulator) {
        this.policies = policies;
        this.simulator = simulator;
    }

    /** Links {@code simulator} to {@code policies}; the simulator reads the policies again whenever they change. */
    public static SimulatorLink link(PoliciesViewModel policies, AccessSimulatorViewModel simulator) {
        SimulatorLink link = new SimulatorLink(Objects.requireNonNull(policies), Objects.requireNonNull(simulator));
        policies.domainProperty().subscribe(link::domainChosen);
        policies.selectedProperty().subscribe(link::resourceChosen);
        policies.editorProperty().subscribe(link::editorOpened);
        return link;
    }

    /**
     * Whether {@code statement} is written in the policy open in the editor, as the editor shows it now: a statement
     * of the stored policy is where it was only while there are no unsaved changes or the answer used them.
     */
    public boolean isInOpenEditor(DecidingStatement statement) {
        Optional<PolicyEditorViewModel> open = policies.editorProperty().get();
        if (open.isEmpty() || statement.identity()) {
            return false;
        }
        boolean domainPolicy = open.get().target().repository().isEmpty();
        String kind = domainPolicy ? DecidingStatement.DOMAIN_POLICY : DecidingStatement.REPOSITORY_POLICY;
        return statement.policy().equals(kind)
                && (!open.get().dirtyProperty().get() || simulator.useDraftProperty().get());
    }

    private void domainChosen(String domain) {
        if (domain == null || domain.equals(simulator.domainProperty().get())) {
            return;
        }
        simulator.domainProperty().set(domain);
        simulator.repositoryProperty().set("");
        simulator.load();
    }

    private void resourceChosen(PolicySummary row) {
        if (row == null) {
            return;
        }
        Optional<String> repository = row.target().repository();
        simulator.draftOfProperty().set(repository.isPresent() ? DraftOf.REPOSITORY : DraftOf.DOMAIN);
        if (repository.isPresent() && !repository.get().equals(simulator.repositoryProperty().get())) {
            simulator.repositoryProperty().set(repository.get());
            simulator.load();
        }
    }

    private void editorOpened(Optional<PolicyEditorViewModel> editor) {
        draft.unsubscribe();
        simulator.draftProperty().set("");
        draft = editor.map(open -> {
            Runnable update = () -> simulator.draftProperty().set(open.dirtyProperty().get()
                    ? open.textProperty().get() : "");
            return open.textProperty().subscribe(text -> update.run())
                    .and(open.dirtyProperty().subscribe(dirty -> update.run()));
        }).orElse(Subscription.EMPTY);
    }
}

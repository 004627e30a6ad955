package dev.arca.ui.principals;

import dev.arca.core.iam.IamPrincipal;
import dev.arca.core.policy.PolicyType;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.Principals;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import dev.arca.ui.policies.LocalPolicyCheck;
import dev.arca.ui.policies.PolicyMark;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inline identity policies of the selected user or role: their names, one opened for editing, saved (checked as
 * an identity policy first, the problem as a sentence at the text) or deleted.
 */
public final class InlinePoliciesState {

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,128}");

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObjectProperty<IamPrincipal> principal;

    // Properties
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper textProblem = new ReadOnlyStringWrapper(this, "textProblem", "");
    private final ReadOnlyObjectWrapper<Optional<PolicyMark>> textMark =
            new ReadOnlyObjectWrapper<>(this, "textMark", Optional.empty());
    private final BooleanBinding canSave;
    private final BooleanBinding canDelete;

    InlinePoliciesState(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs,
                        ObjectProperty<IamPrincipal> principal, ReadOnlyBooleanProperty writable) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.principal = Objects.requireNonNull(principal);
        name.subscribe(n -> nameProblem.set(n.isBlank() || NAME.matcher(n.strip()).matches() ? ""
                : "A policy name has 1 to 128 letters, digits and + = , . @ _ - (no spaces)."));
        text.subscribe(t -> {
            textMark.set(t == null || t.isBlank() ? Optional.empty()
                    : LocalPolicyCheck.problem(t, PolicyType.IDENTITY_POLICY));
            textProblem.set(textMark.get().map(PolicyMark::describe).orElse(""));
        });
        canSave = Bindings.createBooleanBinding(() -> writable.get() && principal.get() != null
                && !name.get().isBlank() && nameProblem.get().isEmpty() && !text.get().isBlank()
                && textProblem.get().isEmpty(), writable, principal, name, nameProblem, text, textProblem);
        canDelete = Bindings.createBooleanBinding(() -> writable.get() && principal.get() != null
                && names.contains(name.get()), writable, principal, name, names);
    }

    public ObservableList<String> names() {
        return names;
    }

    /** The name of the policy being edited: an existing one (opened) or a new one. */
    public StringProperty nameProperty() {
        return name;
    }

    /** The policy document being edited. */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    /** Why the text is not a valid identity policy, with the place; empty when it is. */
    public ReadOnlyStringProperty textProblemProperty() {
        return textProblem.getReadOnlyProperty();
    }

    /** The text's problem with its place, for the editor to mark; empty while the text parses or is blank. */
    public ReadOnlyObjectProperty<Optional<PolicyMark>> textMarkProperty() {
        return textMark.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    // Commands

    void load(IamPrincipal of) {
        names.clear();
        name.set("");
        text.set("");
        if (of == null) {
            return;
        }
        BackgroundTask.of("List the policies of " + of.name(), progress -> new Principals(gateway.get())
                .inlinePolicies(of)).onSuccess(found -> {
                    if (of.equals(principal.get())) {
                        names.setAll(found);
                    }
                }).onFailure(failure -> textProblem.set(UserMessages.describe(failure))).runWith(tasks);
    }

    /** Opens a policy for editing. */
    public void open(String policy) {
        IamPrincipal of = principal.get();
        if (of == null) {
            return;
        }
        BackgroundTask.of("Read policy " + policy, progress -> new Principals(gateway.get()).inlinePolicy(of, policy))
                .onSuccess(document -> {
                    name.set(policy);
                    text.set(document);
                }).onFailure(failure -> dialogs.showError("Read policy " + policy, UserMessages.describe(failure),
                        failure)).runWith(tasks);
    }

    /** Clears the editor for a new policy. */
    public void startNew() {
        name.set("");
        text.set("");
    }

    /** Saves the text under the name (creating or replacing the policy); the service's refusal lands at the text. */
    public void save() {
        IamPrincipal of = principal.get();
        if (!canSave.get()) {
            return;
        }
        String policy = name.get().strip();
        String document = text.get();
        BackgroundTask.of("Save policy " + policy, progress -> {
            Principals iam = new Principals(gateway.get());
            iam.putInlinePolicy(of, policy, document);
            return iam.inlinePolicies(of);
        }).onSuccess(names::setAll).onFailure(failure -> textProblem.set(UserMessages.describe(failure)))
                .runWith(tasks);
    }

    /** Deletes the opened policy, once confirmed. */
    public void delete() {
        IamPrincipal of = principal.get();
        String policy = name.get();
        if (!canDelete.get() || !dialogs.confirm("Delete policy", "Delete the inline policy " + policy + " of "
                + of.arn().describe() + "? What it allows stops at once.", "Delete policy", true)) {
            return;
        }
        BackgroundTask.of("Delete policy " + policy, progress -> {
            Principals iam = new Principals(gateway.get());
            iam.deleteInlinePolicy(of, policy);
            return iam.inlinePolicies(of);
        }).onSuccess(found -> {
            names.setAll(found);
            startNew();
        }).onFailure(failure -> dialogs.showError("Delete policy", UserMessages.describe(failure), failure))
                .runWith(tasks);
    }
}

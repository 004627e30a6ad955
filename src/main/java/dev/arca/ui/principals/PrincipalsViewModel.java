package dev.arca.ui.principals;

import dev.arca.core.iam.AccessKeyInfo;
import dev.arca.core.iam.IamPrincipal;
import dev.arca.core.iam.NewAccessKey;
import dev.arca.core.policy.json.JsonReader;
import dev.arca.core.policy.json.JsonSyntaxException;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.GatewayException;
import dev.arca.gateway.Principals;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.ListState;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Principals tab: the IAM users and roles of the connection's account; on an Arca server also creating and
 * deleting them, their access keys (the secret shown once) and their inline identity policies. Read-only on AWS:
 * Arca is not an IAM console.
 */
public final class PrincipalsViewModel {

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private final Supplier<CodeArtifactGateway> gateway;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final ObservableList<IamPrincipal> principals = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ListState> state = new ReadOnlyObjectWrapper<>(this, "state", ListState.LOADING);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable", false);
    private final ObjectProperty<IamPrincipal> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<AccessKeyInfo> accessKeys = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Optional<NewAccessKey>> newKey =
            new ReadOnlyObjectWrapper<>(this, "newKey", Optional.empty());
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final StringProperty trustPolicy = new SimpleStringProperty(this, "trustPolicy", "");
    private final ReadOnlyStringWrapper trustProblem = new ReadOnlyStringWrapper(this, "trustProblem", "");
    private final InlinePoliciesState policies;
    private final BooleanBinding canCreate;
    private final BooleanBinding canCreateRole;
    private final BooleanBinding canDelete;
    private final BooleanBinding canCreateKey;

    public PrincipalsViewModel(Supplier<CodeArtifactGateway> gateway, TaskRunner tasks, DialogService dialogs) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.policies = new InlinePoliciesState(gateway, tasks, dialogs, selected, writable.getReadOnlyProperty());
        newName.subscribe(name -> nameProblem.set(name.isBlank() || NAME.matcher(name.strip()).matches() ? ""
                : "A name has 1 to 64 letters, digits and + = , . @ _ - (no spaces)."));
        canCreate = Bindings.createBooleanBinding(() -> writable.get() && !newName.get().isBlank()
                && nameProblem.get().isEmpty(), writable, newName, nameProblem);
        trustPolicy.subscribe(text -> trustProblem.set(trustProblemWith(text)));
        canCreateRole = canCreate.and(trustProblem.isEmpty());
        canDelete = writable.and(selected.isNotNull());
        canCreateKey = Bindings.createBooleanBinding(() -> writable.get() && selected.get() != null
                && !selected.get().isRole(), writable, selected);
        selected.subscribe(principal -> {
            newKey.set(Optional.empty());
            loadKeys(principal);
            policies.load(principal);
        });
    }

    public ObservableList<IamPrincipal> principals() {
        return principals;
    }

    public ReadOnlyObjectProperty<ListState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Whether this connection may change users and roles: an Arca server, not AWS. */
    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
    }

    public ObjectProperty<IamPrincipal> selectedProperty() {
        return selected;
    }

    /** The selected user's access keys (roles have none). */
    public ObservableList<AccessKeyInfo> accessKeys() {
        return accessKeys;
    }

    /** The key just created, with its secret: shown once, gone on {@link #dismissNewKey()} or another selection. */
    public ReadOnlyObjectProperty<Optional<NewAccessKey>> newKeyProperty() {
        return newKey.getReadOnlyProperty();
    }

    /** The name of the user or role to create. */
    public StringProperty newNameProperty() {
        return newName;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    /** Who may assume a role to create; blank means the account's own principals. */
    public StringProperty trustPolicyProperty() {
        return trustPolicy;
    }

    /** Why the trust policy cannot be a role's, with the place; empty when it can (or is blank). */
    public ReadOnlyStringProperty trustProblemProperty() {
        return trustProblem.getReadOnlyProperty();
    }

    /** The selected principal's inline identity policies. */
    public InlinePoliciesState policies() {
        return policies;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public BooleanBinding canCreateRoleProperty() {
        return canCreateRole;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    public BooleanBinding canCreateKeyProperty() {
        return canCreateKey;
    }

    // Commands

    /** Lists the users and roles. */
    public void load() {
        BackgroundTask.of("List users and roles", progress -> {
            Principals iam = new Principals(gateway.get());
            return new Listing(iam.writable(), iam.list());
        }).onRunning(() -> state.set(ListState.LOADING)).onSuccess(listing -> {
            writable.set(listing.writable());
            IamPrincipal keep = selected.get();
            principals.setAll(listing.principals());
            selected.set(principals.stream().filter(p -> keep != null && p.arn().equals(keep.arn())).findFirst()
                    .orElse(null));
            state.set(principals.isEmpty() ? ListState.EMPTY : ListState.READY);
        }).onFailure(failure -> {
            errorMessage.set(UserMessages.describe(failure));
            state.set(ListState.ERROR);
        }).runWith(tasks);
    }

    private record Listing(boolean writable, List<IamPrincipal> principals) {
    }

    public void createUser() {
        if (!canCreate.get()) {
            return;
        }
        String name = newName.get().strip();
        write("Create user " + name, iam -> iam.createUser(name));
    }

    /** Creates a role trusted by the policy given, or by default by the account's own principals. */
    public void createRole() {
        if (!canCreateRole.get()) {
            return;
        }
        String name = newName.get().strip();
        String trust = trustPolicy.get().isBlank() ? null : trustPolicy.get();
        write("Create role " + name, iam -> iam.createRole(name, trust != null ? trust
                : ownAccountTrust(iam.account())));
    }

    /**
     * Checked here for JSON only: a trust policy's own grammar (a Principal, no Resource) is IAM's to check, and its
     * refusal lands at the same field.
     */
    private static String trustProblemWith(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            JsonReader.read(text);
            return "";
        } catch (JsonSyntaxException e) {
            return "The trust policy is not valid JSON: " + e.detail() + " (at " + e.position().describe() + ").";
        }
    }

    /** A trust policy letting the account's own users and roles assume the role (their policies permitting). */
    static String ownAccountTrust(String account) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},\
                "Action":"sts:AssumeRole"}]}""".formatted(account);
    }

    private void write(String title, java.util.function.Function<Principals, IamPrincipal> work) {
        BackgroundTask.of(title, progress -> work.apply(new Principals(gateway.get()))).onSuccess(created -> {
            newName.set("");
            principals.add(created);
            selected.set(created);
            state.set(ListState.READY);
        }).onFailure(failure -> {
            if (failure instanceof GatewayException refusal
                    && refusal.errorCode().filter("MalformedPolicyDocument"::equals).isPresent()) {
                trustProblem.set(UserMessages.describe(failure)); // IAM refused the trust policy: say so at it
            } else {
                dialogs.showError(title, UserMessages.describe(failure), failure);
            }
        }).runWith(tasks);
    }

    /** Deletes the selected user or role, its keys and inline policies, once confirmed. */
    public void deleteSelected() {
        IamPrincipal principal = selected.get();
        if (!canDelete.get() || !dialogs.confirm("Delete " + principal.arn().describe(), "Delete "
                + principal.arn().describe() + " with its access keys and inline policies? Requests signed with "
                + "its keys stop working.", principal.isRole() ? "Delete role" : "Delete user", true)) {
            return;
        }
        BackgroundTask.of("Delete " + principal.name(), progress -> {
            new Principals(gateway.get()).delete(principal);
            return principal;
        }).onSuccess(deleted -> {
            principals.remove(deleted);
            selected.set(null);
            state.set(principals.isEmpty() ? ListState.EMPTY : ListState.READY);
        }).onFailure(failure -> dialogs.showError("Delete " + principal.name(), UserMessages.describe(failure),
                failure)).runWith(tasks);
    }

    /** Creates an access key for the selected user; its secret is in {@link #newKeyProperty()} until dismissed. */
    public void createAccessKey() {
        IamPrincipal user = selected.get();
        if (!canCreateKey.get()) {
            return;
        }
        BackgroundTask.of("Create an access key for " + user.name(), progress -> {
            Principals iam = new Principals(gateway.get());
            return new CreatedKey(iam.createAccessKey(user.name()), iam.accessKeys(user.name()));
        }).onSuccess(created -> {
            accessKeys.setAll(created.keys());
            newKey.set(Optional.of(created.key()));
        }).onFailure(failure -> dialogs.showError("Create an access key", UserMessages.describe(failure), failure))
                .runWith(tasks);
    }

    private record CreatedKey(NewAccessKey key, List<AccessKeyInfo> keys) {
    }

    /** Forgets the new key's secret; it cannot be shown again. */
    public void dismissNewKey() {
        newKey.set(Optional.empty());
    }

    /** Revokes (deletes) an access key of the selected user, once confirmed. */
    public void revokeAccessKey(AccessKeyInfo key) {
        IamPrincipal user = selected.get();
        if (!writable.get() || user == null || !dialogs.confirm("Revoke access key", "Revoke " + key.accessKeyId()
                + " of " + user.name() + "? Requests signed with it stop working at once.", "Revoke key", true)) {
            return;
        }
        BackgroundTask.of("Revoke " + key.accessKeyId(), progress -> {
            Principals iam = new Principals(gateway.get());
            iam.deleteAccessKey(user.name(), key.accessKeyId());
            return iam.accessKeys(user.name());
        }).onSuccess(accessKeys::setAll).onFailure(failure -> dialogs.showError("Revoke access key",
                UserMessages.describe(failure), failure)).runWith(tasks);
    }

    private void loadKeys(IamPrincipal principal) {
        accessKeys.clear();
        if (principal == null || principal.isRole()) {
            return;
        }
        BackgroundTask.of("List the access keys of " + principal.name(),
                progress -> new Principals(gateway.get()).accessKeys(principal.name()))
                .onSuccess(keys -> {
                    if (principal.equals(selected.get())) {
                        accessKeys.setAll(keys);
                    }
                }).onFailure(failure -> errorMessage.set(UserMessages.describe(failure))).runWith(tasks);
    }
}

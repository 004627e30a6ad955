package dev.arca.ui.connect;

import dev.arca.gateway.AccessKeys;
import dev.arca.gateway.AwsProfile;
import dev.arca.gateway.CodeArtifactGateway;
import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionCheck;
import dev.arca.gateway.ConnectionHealth;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.CredentialSource;
import dev.arca.ui.common.BackgroundTask;
import dev.arca.ui.common.DialogService;
import dev.arca.ui.common.TaskRunner;
import dev.arca.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
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
 * The connections dialog: the list of connections and an editor for one — an Arca server by URL, or an AWS account
 * by profile — with live validation, a test that really connects, save, remove and connect.
 */
public final class ConnectionsViewModel {

    /** Where an Arca server connection's keys come from. */
    public enum CredentialChoice {
        FILE("Credentials file"),
        PROFILE("AWS profile"),
        SESSION("Keys for this session");

        private final String label;

        CredentialChoice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where the last connection test stands. */
    public enum TestOutcome { NONE, RUNNING, PASSED, FAILED }

    private final Connections connections;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ConnectionCheck check;
    private final Supplier<List<AwsProfile>> profileSource;
    private final List<String> regions;

    // Properties
    private final ObjectProperty<Connection> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    private final ReadOnlyObjectWrapper<ConnectionKind> kind =
            new ReadOnlyObjectWrapper<>(this, "kind", ConnectionKind.EMBEDDED);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final ObjectProperty<CredentialChoice> credentialChoice =
            new SimpleObjectProperty<>(this, "credentialChoice", CredentialChoice.FILE);
    private final ObservableList<AwsProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<AwsProfile> profile = new SimpleObjectProperty<>(this, "profile");
    private final ReadOnlyStringWrapper profilesNote = new ReadOnlyStringWrapper(this, "profilesNote", "");
    private final StringProperty credentialsFile = new SimpleStringProperty(this, "credentialsFile", "");
    private final StringProperty accessKeyId = new SimpleStringProperty(this, "accessKeyId", "");
    private final StringProperty secretAccessKey = new SimpleStringProperty(this, "secretAccessKey", "");
    private final ObjectBinding<Optional<ConnectionForm.Problem>> formProblem;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<TestOutcome> testOutcome =
            new ReadOnlyObjectWrapper<>(this, "testOutcome", TestOutcome.NONE);
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final BooleanBinding editable;
    private final BooleanBinding canSave;
    private final BooleanBinding canTest;
    private final BooleanBinding canRemove;
    private final BooleanBinding canConnect;

    public ConnectionsViewModel(Connections connections, TaskRunner tasks, DialogService dialogs,
                                ConnectionCheck check, Supplier<List<AwsProfile>> profiles, List<String> regions) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.check = Objects.requireNonNull(check, "check");
        this.profileSource = Objects.requireNonNull(profiles, "profiles");
        this.regions = List.copyOf(regions);
        editable = kind.isNotEqualTo(ConnectionKind.EMBEDDED);
        formProblem = Bindings.createObjectBinding(this::findProblem, kind, name, url, region, credentialChoice,
                profile, credentialsFile, accessKeyId, secretAccessKey, selected, connections.list());
        problem.bind(formProblem.map(found -> found.map(ConnectionForm.Problem::sentence).orElse("")));
        canSave = editable.and(problem.isEmpty());
        canTest = problem.isEmpty().and(testOutcome.isNotEqualTo(TestOutcome.RUNNING));
        canRemove = editable.and(creating.not());
        canConnect = editable.not().or(canSave);
        profile.subscribe((before, now) -> {
            if (now != null && (before == null || !before.name().equals(now.name()))) {
                now.region().ifPresent(region::set);
            }
        });
        selected.subscribe(this::edit);
        selected.set(connections.session().connection());
    }

    /** Every connection, the embedded server first. */
    public ObservableList<Connection> connections() {
        return connections.list();
    }

    /** The connection in the editor; null while a new one is being created. */
    public ObjectProperty<Connection> selectedProperty() {
        return selected;
    }

    /** Whether the editor holds a connection that is not saved yet. */
    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** The kind of connection in the editor; the local server's cannot be edited. */
    public ReadOnlyObjectProperty<ConnectionKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public BooleanBinding editableProperty() {
        return editable;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** An Arca server's base URL. */
    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty regionProperty() {
        return region;
    }

    /** The regions CodeArtifact is offered in, for the region picker. */
    public List<String> regions() {
        return regions;
    }

    public ObjectProperty<CredentialChoice> credentialChoiceProperty() {
        return credentialChoice;
    }

    /** The profiles of the AWS shared configuration. */
    public ObservableList<AwsProfile> profiles() {
        return profiles;
    }

    /** The chosen profile; picking one with a region sets the region. */
    public ObjectProperty<AwsProfile> profileProperty() {
        return profile;
    }

    /** Why the profile list is empty, when it is. */
    public ReadOnlyStringProperty profilesNoteProperty() {
        return profilesNote.getReadOnlyProperty();
    }

    /** The path of a file in the AWS shared-credentials format, such as an Arca server's {@code DIR/credentials}. */
    public StringProperty credentialsFileProperty() {
        return credentialsFile;
    }

    public StringProperty accessKeyIdProperty() {
        return accessKeyId;
    }

    public StringProperty secretAccessKeyProperty() {
        return secretAccessKey;
    }

    /** What must change before the connection can be saved or tested, as one sentence; empty when nothing. */
    /** What is wrong with the editor's values, in one sentence; empty when they can be saved. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The problem's sentence while it is about one of {@code fields}, so the view shows it there; else empty. */
    public StringBinding problemAt(ConnectionForm.Field... fields) {
        Set<ConnectionForm.Field> these = Set.of(fields);
        return Bindings.createStringBinding(() -> formProblem.get().filter(found -> these.contains(found.field()))
                .map(ConnectionForm.Problem::sentence).orElse(""), formProblem);
    }

    public ReadOnlyObjectProperty<TestOutcome> testOutcomeProperty() {
        return testOutcome.getReadOnlyProperty();
    }

    /** What the last test found: what answered, or why nothing did. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canTestProperty() {
        return canTest;
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    // Commands

    /** Reads the profiles of the AWS shared configuration, in the background. */
    public void loadProfiles() {
        BackgroundTask.of("Reading AWS profiles", progress -> profileSource.get())
                .onSuccess(list -> {
                    String chosen = profile.get() == null ? null : profile.get().name();
                    profiles.setAll(list);
                    profilesNote.set(list.isEmpty() ? "No AWS profiles found: add one with aws configure." : "");
                    if (chosen != null) {
                        profile.set(profileNamed(chosen));
                    } else if (kind.get() == ConnectionKind.AWS && !list.isEmpty()) {
                        profile.set(list.getFirst());
                    }
                })
                .onFailure(failure -> profilesNote.set(UserMessages.describe(failure)))
                .runWith(tasks);
    }

    /** Starts a new connection to an Arca server, by URL. */
    public void newArcaServer() {
        startNew(ConnectionKind.ARCA_SERVER, CredentialChoice.FILE);
        url.set("http://127.0.0.1:");
        region.set(connections.list().getFirst().region());
    }

    /** Starts a new connection to an AWS account, through a profile. */
    public void newAwsAccount() {
        startNew(ConnectionKind.AWS, CredentialChoice.PROFILE);
        profile.set(profiles.isEmpty() ? null : profiles.getFirst());
    }

    /** Saves the connection in the editor; a connection in use is reopened with its new settings. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Connection connection = draft();
        connections.save(connection, typedKeys());
        creating.set(false);
        // The saved settings are the ones just tested, if they were: the test's result still holds.
        TestOutcome outcome = testOutcome.get();
        String result = testResult.get();
        selected.set(connection);
        testOutcome.set(outcome);
        testResult.set(result);
    }

    /**
     * Saves the connection in the editor and switches to it.
     *
     * @return whether it is now the connection in use
     */
    public boolean connect() {
        if (!canConnect.get()) {
            return false;
        }
        if (editable.get()) {
            save();
        }
        Connection connection = selected.get();
        if (!connections.session().connection().equals(connection)) {
            connections.switchTo(connection);
        }
        return true;
    }

    /** Forgets the selected connection, after confirmation. */
    public void remove() {
        Connection connection = selected.get();
        if (!canRemove.get() || connection == null) {
            return;
        }
        if (!dialogs.confirm("Remove connection " + connection.name() + "?", "Arca forgets this connection and the"
                + " domains it remembered. Nothing changes on the service, and no credentials are deleted.",
                "Remove connection", true)) {
            return;
        }
        connections.remove(connection);
        selected.set(connections.list().getFirst());
    }

    /** Connects with what the editor holds, without saving, and reports what answered. */
    public void test() {
        if (!canTest.get()) {
            return;
        }
        Connection connection = editable.get() ? draft() : selected.get();
        Optional<AccessKeys> keys = typedKeys();
        testOutcome.set(TestOutcome.RUNNING);
        testResult.set("Connecting to " + connection.name() + "…");
        BackgroundTask.of("Testing " + connection.name(), progress -> {
                    try (CodeArtifactGateway gateway = connections.open(connection, keys)) {
                        return check.check(gateway);
                    }
                })
                .onSuccess(health -> {
                    switch (health) {
                        case ConnectionHealth.Reachable reachable -> {
                            testOutcome.set(TestOutcome.PASSED);
                            testResult.set("Connected: " + reachable.detail());
                        }
                        case ConnectionHealth.Unreachable unreachable -> {
                            testOutcome.set(TestOutcome.FAILED);
                            testResult.set(unreachable.reason());
                        }
                    }
                })
                .onFailure(failure -> {
                    testOutcome.set(TestOutcome.FAILED);
                    testResult.set(UserMessages.describe(failure));
                })
                .runWith(tasks);
    }

    private void startNew(ConnectionKind newKind, CredentialChoice choice) {
        creating.set(true);
        selected.set(null);
        kind.set(newKind);
        name.set("");
        credentialChoice.set(choice);
        clearCredentials();
        region.set("");
        url.set("");
    }

    private void edit(Connection connection) {
        testOutcome.set(TestOutcome.NONE);
        testResult.set("");
        if (connection == null) {
            return;
        }
        creating.set(false);
        kind.set(connection.kind());
        name.set(connection.name());
        url.set(connection.url().map(Object::toString).orElse(""));
        clearCredentials();
        switch (connection.credentials()) {
            case CredentialSource.SharedProfile p -> {
                credentialChoice.set(CredentialChoice.PROFILE);
                profile.set(profileNamed(p.profile()));
            }
            case CredentialSource.CredentialsFile f -> {
                credentialChoice.set(CredentialChoice.FILE);
                credentialsFile.set(f.file().toString());
            }
            case CredentialSource.SessionKeys s -> {
                credentialChoice.set(CredentialChoice.SESSION);
                connections.sessionKeys(connection.id()).ifPresent(keys -> {
                    accessKeyId.set(keys.accessKeyId());
                    secretAccessKey.set(keys.secretAccessKey());
                });
            }
            case CredentialSource.EmbeddedServerKeys e -> credentialChoice.set(CredentialChoice.FILE);
        }
        region.set(connection.region()); // after the profile, whose own region must not win
    }

    private void clearCredentials() {
        profile.set(null);
        credentialsFile.set("");
        accessKeyId.set("");
        secretAccessKey.set("");
    }

    /** The listed profile called {@code profileName}, or a stand-in saying it is missing. */
    private AwsProfile profileNamed(String profileName) {
        return profiles.stream().filter(p -> p.name().equals(profileName)).findFirst()
                .orElseGet(() -> new AwsProfile(profileName, "not in the AWS configuration", Optional.empty()));
    }

    private Optional<AccessKeys> typedKeys() {
        return kind.get() == ConnectionKind.ARCA_SERVER && credentialChoice.get() == CredentialChoice.SESSION
                ? Optional.of(new AccessKeys(accessKeyId.get().strip(), secretAccessKey.get().strip()))
                : Optional.empty();
    }

    /** The editor's values as typed. */
    private ConnectionForm form() {
        return new ConnectionForm(kind.get(), name.get(), url.get(), region.get(), credentialChoice.get(),
                Optional.ofNullable(profile.get()), credentialsFile.get(), accessKeyId.get(), secretAccessKey.get());
    }

    /** The connection the editor describes; valid only when there is no problem. */
    private Connection draft() {
        return form().toConnection(selected.get() == null ? connections.newId() : selected.get().id());
    }

    private Optional<ConnectionForm.Problem> findProblem() {
        return form().problem(selected.get() == null ? "" : selected.get().id(), connections.list());
    }
}

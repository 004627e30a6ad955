package dev.arca.ui.connect;

import dev.arca.gateway.AwsProfile;
import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.CredentialSource;
import dev.arca.ui.connect.ConnectionsViewModel.CredentialChoice;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the connection editor holds, as typed: checked field by field in the order the form reads, and turned into
 * the {@link Connection} it describes once nothing is wrong.
 */
public record ConnectionForm(ConnectionKind kind, String name, String url, String region, CredentialChoice credentialChoice,
                      Optional<AwsProfile> profile, String credentialsFile, String accessKeyId,
                      String secretAccessKey) {

    static final int MAX_NAME_LENGTH = 64;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    /** The editor's fields, so that a problem is shown at the one it is about. */
    public enum Field { NAME, URL, REGION, CREDENTIALS_FILE, PROFILE, ACCESS_KEY, SECRET_KEY }

    /** What is wrong, in one sentence, and at which field. */
    public record Problem(Field field, String sentence) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(sentence, "sentence");
        }
    }

    public ConnectionForm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentialChoice, "credentialChoice");
        Objects.requireNonNull(profile, "profile");
        name = Objects.requireNonNullElse(name, "").strip();
        url = Objects.requireNonNullElse(url, "").strip();
        region = Objects.requireNonNullElse(region, "").strip();
        credentialsFile = Objects.requireNonNullElse(credentialsFile, "").strip();
        accessKeyId = Objects.requireNonNullElse(accessKeyId, "").strip();
        secretAccessKey = Objects.requireNonNullElse(secretAccessKey, "").strip();
    }

    /**
     * The first thing wrong, top to bottom; empty when the form describes a connection that can be saved.
     *
     * @param ownId    the id of the connection being edited, empty for a new one
     * @param existing every saved connection, whose names a new name must not repeat
     */
    Optional<Problem> problem(String ownId, List<Connection> existing) {
        if (kind == ConnectionKind.EMBEDDED) {
            return Optional.empty();
        }
        if (name.isEmpty()) {
            return problem(Field.NAME, "Give the connection a name.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return problem(Field.NAME, "A connection name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (existing.stream().anyMatch(c -> !c.id().equals(ownId) && c.name().equalsIgnoreCase(name))) {
            return problem(Field.NAME, "Another connection is called " + name + ".");
        }
        if (kind == ConnectionKind.ARCA_SERVER) {
            Optional<Problem> wrongUrl = urlProblem();
            if (wrongUrl.isPresent()) {
                return wrongUrl;
            }
        }
        if (!REGION.matcher(region).matches()) {
            return problem(Field.REGION, "Pick a region, such as us-east-1.");
        }
        return credentialsProblem();
    }

    /** The connection the form describes, under {@code id}; call only when {@link #problem} is empty. */
    Connection toConnection(String id) {
        CredentialSource source = kind == ConnectionKind.AWS
                ? new CredentialSource.SharedProfile(profile.orElseThrow().name())
                : switch (credentialChoice) {
                    case PROFILE -> new CredentialSource.SharedProfile(profile.orElseThrow().name());
                    case FILE -> new CredentialSource.CredentialsFile(Path.of(credentialsFile));
                    case SESSION -> new CredentialSource.SessionKeys();
                };
        Optional<URI> endpoint = kind == ConnectionKind.ARCA_SERVER
                ? Optional.of(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url))
                : Optional.empty();
        return new Connection(id, name, kind, endpoint, region, source);
    }

    private Optional<Problem> credentialsProblem() {
        CredentialChoice choice = kind == ConnectionKind.AWS ? CredentialChoice.PROFILE : credentialChoice;
        return switch (choice) {
            case PROFILE -> profile.isEmpty() ? problem(Field.PROFILE, "Pick an AWS profile.") : Optional.empty();
            case FILE -> fileProblem();
            case SESSION -> accessKeyId.isEmpty() || secretAccessKey.isEmpty()
                    ? problem(accessKeyId.isEmpty() ? Field.ACCESS_KEY : Field.SECRET_KEY, "Type the access key ID"
                            + " and the secret access key; Arca keeps them for this session only.")
                    : Optional.empty();
        };
    }

    private Optional<Problem> urlProblem() {
        if (url.isEmpty()) {
            return problem(Field.URL, "Type the server's URL, such as http://127.0.0.1:8080.");
        }
        try {
            URI uri = new URI(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (web && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null
                    && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // said below, as for any other URL that is not a server's root
        }
        return problem(Field.URL, "The URL must look like http://host:port, with no path.");
    }

    private Optional<Problem> fileProblem() {
        if (credentialsFile.isEmpty()) {
            return problem(Field.CREDENTIALS_FILE,
                    "Choose the credentials file, such as the credentials file in an Arca server's data directory.");
        }
        try {
            return Path.of(credentialsFile).isAbsolute() ? Optional.empty()
                    : problem(Field.CREDENTIALS_FILE, "Give the credentials file's full path.");
        } catch (InvalidPathException e) {
            return problem(Field.CREDENTIALS_FILE,
                    "The credentials file's path is not valid here: " + e.getReason() + ".");
        }
    }

    private static Optional<Problem> problem(Field field, String sentence) {
        return Optional.of(new Problem(field, sentence));
    }
}

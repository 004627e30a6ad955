package dev.arca.ui.connect;

import dev.arca.gateway.Connection;
import dev.arca.gateway.ConnectionKind;
import dev.arca.gateway.CredentialSource;
import dev.arca.ui.common.DomainMemory;
import dev.arca.ui.common.UserSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved connections in the user settings, without secrets. Keys:
 * <pre>
 * connections                 ids of the saved connections, in the order they were added
 * connections.active          id of the connection in use
 * connection.ID.name          what the user calls it
 * connection.ID.kind          arca-server | aws
 * connection.ID.url           an Arca server's base URL
 * connection.ID.region        signing region
 * connection.ID.credentials   profile:NAME | file:PATH | session
 * </pre>
 * The embedded local server is not saved: it always exists.
 */
final class ConnectionStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStore.class);
    private static final String IDS = "connections";
    private static final String ACTIVE = "connections.active";
    private static final String PROFILE = "profile:";
    private static final String FILE = "file:";
    private static final String SESSION = "session";

    private final UserSettings settings;

    ConnectionStore(UserSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The saved connections; an entry that cannot be read is skipped, with a warning in the log. */
    List<Connection> load() {
        List<Connection> out = new ArrayList<>();
        for (String id : ids()) {
            try {
                out.add(read(id));
            } catch (RuntimeException e) {
                LOG.warn("Skipping saved connection {}: {}", id, e.getMessage());
            }
        }
        return out;
    }

    /** Saves a new connection at the end, or an existing one in place. */
    void save(Connection connection) {
        String prefix = prefix(connection.id());
        Map<String, String> values = new LinkedHashMap<>();
        values.put(prefix + "name", connection.name());
        values.put(prefix + "kind", connection.kind() == ConnectionKind.AWS ? "aws" : "arca-server");
        connection.url().ifPresent(url -> values.put(prefix + "url", url.toString()));
        values.put(prefix + "region", connection.region());
        values.put(prefix + "credentials", switch (connection.credentials()) {
            case CredentialSource.SharedProfile p -> PROFILE + p.profile();
            case CredentialSource.CredentialsFile f -> FILE + f.file();
            case CredentialSource.SessionKeys s -> SESSION;
            case CredentialSource.EmbeddedServerKeys e -> throw new IllegalArgumentException(
                    "the local server's connection is not saved");
        });
        settings.replace(prefix, values);
        List<String> ids = ids();
        if (!ids.contains(connection.id())) {
            ids.add(connection.id());
            settings.put(IDS, String.join(",", ids));
        }
    }

    /** Forgets a connection and everything it remembered. */
    void remove(String id) {
        List<String> ids = ids();
        ids.remove(id);
        settings.put(IDS, String.join(",", ids));
        settings.replace(prefix(id), Map.of());
        settings.replace(DomainMemory.prefix(id), Map.of());
    }

    Optional<String> activeId() {
        return settings.get(ACTIVE);
    }

    void setActive(String id) {
        if (!activeId().equals(Optional.of(id))) {
            settings.put(ACTIVE, id);
        }
    }

    private List<String> ids() {
        return new ArrayList<>(settings.get(IDS).stream().flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip).filter(id -> !id.isEmpty()).toList());
    }

    private Connection read(String id) {
        String prefix = prefix(id);
        String kind = required(prefix + "kind");
        CredentialSource source = source(required(prefix + "credentials"));
        return switch (kind) {
            case "arca-server" -> new Connection(id, required(prefix + "name"), ConnectionKind.ARCA_SERVER,
                    Optional.of(URI.create(required(prefix + "url"))), required(prefix + "region"), source);
            case "aws" -> new Connection(id, required(prefix + "name"), ConnectionKind.AWS, Optional.empty(),
                    required(prefix + "region"), source);
            default -> unknown("kind", kind);
        };
    }

    private static CredentialSource source(String value) {
        if (value.startsWith(PROFILE)) {
            return new CredentialSource.SharedProfile(value.substring(PROFILE.length()));
        }
        if (value.startsWith(FILE)) {
            return new CredentialSource.CredentialsFile(Path.of(value.substring(FILE.length())));
        }
        return value.equals(SESSION) ? new CredentialSource.SessionKeys() : unknown("credentials", value);
    }

    private String required(String key) {
        return settings.get(key).orElseThrow(() -> new IllegalArgumentException(key + " is missing"));
    }

    private static <T> T unknown(String what, String value) {
        throw new IllegalArgumentException("unknown " + what + " '" + value + "'");
    }

    private static String prefix(String id) {
        return "connection." + id + ".";
    }
}

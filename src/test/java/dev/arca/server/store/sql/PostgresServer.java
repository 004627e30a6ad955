package dev.arca.server.store.sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 15 for the tests: one server per test JVM, in a temporary directory on a free 127.0.0.1 port,
 * started on first use and stopped when the JVM exits. PostgreSQL refuses to run as root, so under root it runs as
 * the {@code postgres} user. Its default collation is ICU's en-US, which does not sort by code point as Arca must:
 * the schema's own collation has to get that right. When the server cannot start, every test that asks for it fails
 * saying why; none is skipped.
 */
public final class PostgresServer {

    /** The superuser, who logs in over TCP with {@link #PASSWORD}. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "arca-test-superuser";
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private static PostgresServer shared;
    private static RuntimeException failure;

    private final int port;
    private final Connection admin;
    private final AtomicInteger names = new AtomicInteger();

    private PostgresServer(int port, Connection admin) {
        this.port = port;
        this.admin = admin;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null && failure == null) {
            try {
                shared = start();
            } catch (Exception e) {
                failure = new IllegalStateException("PostgreSQL 15 could not be started for the tests ("
                        + e.getMessage() + "); install Debian's postgresql-15, as .ci/run does", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A new, empty database owned by the superuser; returns its name. */
    public String createDatabase() {
        return createDatabase(USER);
    }

    /** A new, empty database owned by {@code owner}, as docs/local-server.md has one made; returns its name. */
    public synchronized String createDatabase(String owner) {
        String name = "arca_test_" + names.incrementAndGet();
        // FILE_COPY: with fsync off, copying template0's files beats writing them to the WAL several times over.
        execute("CREATE DATABASE " + name + " OWNER " + owner + " TEMPLATE template0 STRATEGY FILE_COPY");
        return name;
    }

    /** A role that may log in with {@code password} and nothing more. */
    public synchronized void createRole(String name, String password) {
        execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
    }

    /** Runs {@code sql} as the superuser in {@code database}. */
    public void execute(String database, String sql) {
        try (Connection connection = connect(database); Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of what {@code sql} finds in {@code database}, row by row, as text. */
    public List<String> query(String database, String sql) {
        try (Connection connection = connect(database); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    private static PostgresServer start() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException(BIN.resolve("initdb") + " is missing");
        }
        Path dir = Files.createTempDirectory("arca-postgres");
        Path data = dir.resolve("data");
        Path password = Files.writeString(dir.resolve("password"), PASSWORD);
        if (ROOT) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            Files.setOwner(dir, postgres);
            Files.setOwner(password, postgres);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir), "postgres-stop"));
        run(dir, "initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + password, "-E", "UTF8",
                "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US", "--auth-local=trust",
                "--auth-host=scram-sha-256", "--no-sync");
        int port = freePort();
        run(dir, "pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "30",
                "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + dir
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
        Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER,
                PASSWORD);
        return new PostgresServer(port, admin);
    }

    private static void stop(Path dir) {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(dir, "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        } catch (Exception e) {
            System.err.println("PostgresServer: could not stop the test server in " + dir + ": " + e.getMessage());
        }
    }

    /** Runs one of PostgreSQL's programs (as user postgres when we are root) and waits for it to succeed. */
    private static void run(Path dir, String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("arca-postgres-" + program, ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(program + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(output).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

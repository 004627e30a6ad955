package dev.arca.app;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The installed app's class-data archive (issue 16). The Linux package ships the list of classes that one start of the
 * GUI with its embedded server loads ({@code arca.classlist} beside {@code arca.jar}) rather than the archive itself,
 * which would add ≈60 MiB to the installed size, and its launcher maps the archive from the user's cache
 * ({@code -XX:SharedArchiveFile=$HOME/.cache/arca/class-data/arca-BUILD.jsa}). When this JVM was asked to map such an
 * archive and did not (none yet, or one made for other jars), a low-priority JVM of the same runtime dumps it once this
 * process ends, into a temporary file that is then renamed, so that no JVM ever maps a half-written archive. Anywhere
 * else ({@code java -jar}, the launcher script, the tests) there is no class list beside the jar and nothing happens.
 */
final class ClassDataArchive {

    static final String CLASS_LIST = "arca.classlist";
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    /** A dump in progress leaves its temporary file; younger than this, another process is still writing it. */
    private static final Duration DUMP_IN_PROGRESS = Duration.ofMinutes(10);

    private final Path archive;
    private final List<String> command;

    private ClassDataArchive(Path archive, List<String> command) {
        this.archive = archive;
        this.command = command;
    }

    /** Registers the dump for this process's exit; looks at the JVM's arguments only then, off the start-up path. */
    static void createAtExitIfMissing() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                Optional<ClassDataArchive> missing = ofThisJvm();
                if (missing.isPresent()) {
                    missing.get().startDump();
                }
            } catch (RuntimeException | IOException e) {
                // Only start-up time is at stake: the next start tries again.
            }
        }));
    }

    private static Optional<ClassDataArchive> ofThisJvm() {
        return of(ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path", ""),
                System.getProperty("java.vm.info", ""), Path.of(System.getProperty("java.home")));
    }

    /**
     * The archive to make, if {@code jvmArguments} name one that the JVM ({@code vmInfo} says "sharing" when it mapped
     * one) did not map and the class path's first jar has the class list beside it.
     */
    static Optional<ClassDataArchive> of(List<String> jvmArguments, String classPath, String vmInfo, Path javaHome) {
        Optional<Path> archive = jvmArguments.stream().filter(a -> a.startsWith(ARCHIVE_OPTION))
                .reduce((first, last) -> last).map(a -> a.substring(ARCHIVE_OPTION.length()))
                .filter(a -> !a.contains("$") && !a.contains(File.pathSeparator)).map(Path::of)
                .filter(Path::isAbsolute);
        if (archive.isEmpty() || vmInfo.contains("sharing") || classPath.isEmpty()
                || jvmArguments.stream().anyMatch(a -> a.equals("-Xshare:off") || a.startsWith("-XX:AOT"))) {
            return Optional.empty();
        }
        Path classList = Path.of(classPath.split(File.pathSeparator)[0]).toAbsolutePath().resolveSibling(CLASS_LIST);
        if (!Files.isRegularFile(classList)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add("-Xshare:dump");
        command.add("-XX:SharedClassListFile=" + classList);
        command.add(ARCHIVE_OPTION + temporary(archive.get()));
        // The options that decide whether an archive maps (module options, heap and GC settings) as this JVM had them.
        jvmArguments.stream().filter(ClassDataArchive::carriedToTheDump).forEach(command::add);
        command.add("-Djava.class.path=" + classPath);
        command.add("-Xlog:disable");
        return Optional.of(new ClassDataArchive(archive.get(), List.copyOf(command)));
    }

    private static boolean carriedToTheDump(String argument) {
        return argument.startsWith("--")
                || argument.startsWith("-X") && !argument.startsWith("-Xlog") && !argument.startsWith("-Xshare")
                && !argument.startsWith(ARCHIVE_OPTION) && !argument.startsWith("-XX:SharedClassListFile")
                && !argument.startsWith("-XX:DumpLoadedClassList") && !argument.startsWith("-XX:ArchiveClassesAtExit")
                && !argument.contains("AutoCreateSharedArchive");
    }

    Path archive() {
        return archive;
    }

    List<String> command() {
        return command;
    }

    private static Path temporary(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".tmp");
    }

    /** Starts the dump (low priority) and the rename; removes the archives of other builds from the same directory. */
    private void startDump() throws IOException {
        Path directory = archive.getParent();
        Files.createDirectories(directory);
        Path temporary = temporary(archive);
        if (Files.exists(temporary) && Files.getLastModifiedTime(temporary)
                .compareTo(FileTime.from(Instant.now().minus(DUMP_IN_PROGRESS))) > 0) {
            return;
        }
        try (DirectoryStream<Path> others = Files.newDirectoryStream(directory, "arca-*.jsa")) {
            for (Path other : others) {
                if (!other.equals(archive)) {
                    Files.deleteIfExists(other);
                }
            }
        }
        String script = "command -v nice >/dev/null && set -- nice -n 19 \"$@\"; "
                + "\"$@\" && mv -f \"$ARCA_ARCHIVE_TEMP\" \"$ARCA_ARCHIVE\"";
        List<String> shell = new ArrayList<>(List.of("sh", "-c", script, "arca-class-data"));
        shell.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(shell).directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("ARCA_ARCHIVE_TEMP", temporary.toString());
        builder.environment().put("ARCA_ARCHIVE", archive.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Files.writeString(temporary, "");
        builder.start();
    }

}

package dev.arca.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    private static final Path JAVA_HOME = Path.of("/opt/arca/lib/runtime");
    private static final String ARCHIVE = "/home/ada/.cache/arca/class-data/arca-0.1.0-1a2b.jsa";

    @TempDir
    Path app;

    private String classPath;

    @BeforeEach
    void installedApp() throws IOException {
        Files.writeString(app.resolve(ClassDataArchive.CLASS_LIST), "java/lang/Object id: 0\n");
        classPath = app.resolve("arca.jar").toString();
    }

    @Test
    void anArchiveTheLauncherNamesButTheJvmDidNotMapIsDumpedWithTheOptionsThatDecideWhetherItMaps() {
        List<String> arguments = List.of("-Djava.class.path=" + classPath, "-Djpackage.app-version=0.1.0",
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:disable",
                "-Xlog:cds*=off:stderr", "-Darca.benchmark.startupReport=/tmp/report");

        ClassDataArchive archive = ClassDataArchive.of(arguments, classPath, "mixed mode", JAVA_HOME).orElseThrow();

        assertThat(archive.archive()).isEqualTo(Path.of(ARCHIVE));
        assertThat(archive.command()).containsExactly("/opt/arca/lib/runtime/bin/java", "-Xshare:dump",
                "-XX:SharedClassListFile=" + app.resolve("arca.classlist"),
                "-XX:SharedArchiveFile=" + ARCHIVE + ".tmp", "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-Djava.class.path=" + classPath, "-Xlog:disable");
    }

    @Test
    void nothingWhenTheArchiveMappedSharingIsOffOrTheLauncherCouldNotExpandHome() {
        assertThat(ClassDataArchive.of(List.of("-XX:SharedArchiveFile=" + ARCHIVE), classPath, "mixed mode, sharing",
                JAVA_HOME)).isEmpty();
        assertThat(ClassDataArchive.of(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:off"), classPath,
                "mixed mode", JAVA_HOME)).isEmpty();
        assertThat(ClassDataArchive.of(List.of("-XX:SharedArchiveFile=$HOME/.cache/arca/class-data/arca.jsa"),
                classPath, "mixed mode", JAVA_HOME)).isEmpty();
    }

    @Test
    void nothingWithoutAClassListBesideTheJarOrWithoutAnArchiveOption() throws IOException {
        Files.delete(app.resolve(ClassDataArchive.CLASS_LIST));
        assertThat(ClassDataArchive.of(List.of("-XX:SharedArchiveFile=" + ARCHIVE), classPath, "mixed mode",
                JAVA_HOME)).isEmpty();
        assertThat(ClassDataArchive.of(List.of("-Xmx512m"), classPath, "mixed mode", JAVA_HOME)).isEmpty();
    }
}

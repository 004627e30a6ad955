package dev.arca.server.formats.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.error.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MavenLayoutTest {

    @Test
    void filesOfAVersionNameTheirArtifactVersionClassifierAndExtension() {
        MavenPath.VersionFile jar = file("org/example/lib/1.0/lib-1.0.jar");
        assertThat(jar.artifact()).isEqualTo(new MavenArtifact("org.example", "lib"));
        assertThat(jar.version()).isEqualTo("1.0");
        assertThat(jar.file()).isEqualTo(new MavenFile("lib-1.0.jar", Optional.empty(), Optional.empty(), "jar"));
        assertThat(jar.checksum()).isEmpty();
        assertThat(jar.file().isPom()).isFalse();
        assertThat(file("org/example/lib/1.0/lib-1.0.pom").file().isPom()).isTrue();

        MavenFile natives = file("io/netty/tcnative/2.0.1/tcnative-2.0.1-linux-x86_64.jar").file();
        assertThat(natives.classifier()).contains("linux-x86_64");
        assertThat(natives.extension()).isEqualTo("jar");
        assertThat(file("org/example/lib/1.0/lib-1.0-bin.tar.gz").file().extension()).isEqualTo("tar.gz");
        assertThat(file("org/example/lib/1.0/lib-1.0.jar.asc").file().extension()).isEqualTo("jar.asc");

        MavenPath.VersionFile sha1 = file("org/example/lib/1.0/lib-1.0.jar.sha1");
        assertThat(sha1.checksum()).contains(Checksum.SHA1);
        assertThat(sha1.file().name()).isEqualTo("lib-1.0.jar");
        assertThat(file("org/example/lib/1.0/lib-1.0.pom.sha512").checksum()).contains(Checksum.SHA512);
    }

    @Test
    void filesOfASnapshotNameTheirBuildAndAreStoredWithIt() {
        MavenPath.VersionFile build = file("org/example/lib/1.0-SNAPSHOT/lib-1.0-20240102.030405-7-sources.jar");
        assertThat(build.snapshot()).isTrue();
        assertThat(build.file().build()).contains("20240102.030405-7");
        assertThat(build.file().classifier()).contains("sources");
        assertThat(build.storedVersion()).isEqualTo("1.0-20240102.030405-7");

        MavenPath.VersionFile newest = file("org/example/lib/1.0-SNAPSHOT/lib-1.0-SNAPSHOT.jar");
        assertThat(newest.file().build()).isEmpty();
        assertThat(newest.storedVersion()).isEqualTo("1.0-SNAPSHOT");
        assertThat(newest.file().sameKind(build.file())).isFalse();
        assertThat(newest.file().sameKind(file("org/example/lib/1.0-SNAPSHOT/lib-1.0-20240102.030405-7.jar")
                .file())).isTrue();
        assertThat(MavenFile.buildOf("lib", "1.0-SNAPSHOT", List.of("lib-1.0-20240102.030405-7.pom")))
                .contains("20240102.030405-7");
        assertThat(MavenFile.build("20240102.030405", "0")).isEmpty();
    }

    @Test
    void metadataIsAnArtifactsOrASnapshotsWhenItsDirectoryIsOne() {
        MavenPath.Metadata artifact = metadata("org/example/lib/maven-metadata.xml");
        assertThat(artifact.artifact()).isEqualTo(new MavenArtifact("org.example", "lib"));
        assertThat(artifact.snapshot()).isEmpty();
        MavenPath.Metadata snapshot = metadata("org/example/lib/1.0-SNAPSHOT/maven-metadata.xml.md5");
        assertThat(snapshot.artifact()).isEqualTo(new MavenArtifact("org.example", "lib"));
        assertThat(snapshot.snapshot()).contains("1.0-SNAPSHOT");
        assertThat(snapshot.checksum()).contains(Checksum.MD5);
    }

    @Test
    void pathsOutsideTheLayoutAreNotFoundAndMalformedNamesAreRefused() {
        for (String path : List.of("org/example/lib/1.0/other-1.0.jar", "org/example/lib/1.0/lib-1.0",
                "org/example/lib/1.0/lib-1.0-.jar", "org/example/lib/1.0-SNAPSHOT/lib-1.0-20240102.jar",
                "maven-metadata.xml", "lib/maven-metadata.xml", "org/example/lib", "archetype-catalog.xml")) {
            assertThatThrownBy(() -> parse(path)).as(path).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(404));
        }
        for (String path : List.of("org/exa.mple/lib/1.0/lib-1.0.jar", "org/example/l:b/1.0/l:b-1.0.jar",
                "org/example/lib/1!0/lib-1!0.jar", "org/example/.lib/maven-metadata.xml",
                "org/example/lib/" + "9".repeat(256) + "/lib-1.jar")) {
            assertThatThrownBy(() -> parse(path)).as(path).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void checksumsAreReadAsTheirHashInLowerCaseHex() {
        String sha1 = "a9993e364706816aba3e25717850c26c9cd0d89d";
        assertThat(Checksum.SHA1.read(sha1.toUpperCase() + "  lib-1.0.jar\n")).contains(sha1);
        assertThat(Checksum.SHA1.of("abc".getBytes())).isEqualTo(sha1);
        assertThat(Checksum.SHA1.read("xyz")).isEmpty();
        assertThat(Checksum.MD5.read(sha1)).isEmpty();
        assertThat(Checksum.of("lib-1.0.jar")).isEmpty();
    }

    private static MavenPath parse(String path) {
        return MavenPath.parse(Arrays.asList(path.split("/")));
    }

    private static MavenPath.VersionFile file(String path) {
        return (MavenPath.VersionFile) parse(path);
    }

    private static MavenPath.Metadata metadata(String path) {
        return (MavenPath.Metadata) parse(path);
    }
}

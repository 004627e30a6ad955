package dev.arca.server.formats.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.model.Records.DependencyRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenDocumentsTest {

    private static final MavenArtifact LIB = new MavenArtifact("org.example", "lib");

    @TempDir
    Path temp;

    @Test
    void aPomGivesItsCoordinatesDescriptionAndDependenciesWithItsOwnPropertiesResolved() throws IOException {
        MavenPom pom = MavenPom.read(bytes("""
                <?xml version="1.0"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>7</version></parent>
                  <artifactId>lib</artifactId>
                  <version>1.0</version>
                  <packaging>bundle</packaging>
                  <name>Lib &amp; Co</name>
                  <description>
                    Does things,
                    well.
                  </description>
                  <url>https://example.org/${project.artifactId}</url>
                  <licenses>
                    <license><name>MIT</name><url>https://opensource.org/licenses/MIT</url></license>
                    <license><name>Apache-2.0</name></license>
                  </licenses>
                  <scm><connection>scm:git:https://example.org/lib.git</connection></scm>
                  <properties><core.version>2.5</core.version></properties>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>org.managed</groupId><artifactId>managed</artifactId><version>1</version>
                  </dependency></dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>${project.groupId}</groupId><artifactId>core</artifactId>
                      <version>${core.version}</version></dependency>
                    <dependency><groupId>org.junit</groupId><artifactId>junit</artifactId><scope>test</scope>
                    </dependency>
                    <dependency><groupId>org.other</groupId><artifactId>x</artifactId><version>${undefined}</version>
                      <scope>runtime</scope></dependency>
                  </dependencies>
                </project>
                """), "lib");
        assertThat(pom.groupId()).contains("org.example");
        assertThat(pom.artifactId()).contains("lib");
        assertThat(pom.version()).contains("1.0");
        assertThat(pom.packaging()).isEqualTo("bundle");
        assertThat(pom.metadata().displayName()).contains("Lib & Co");
        assertThat(pom.metadata().summary()).contains("Does things, well.");
        assertThat(pom.metadata().homePage()).contains("https://example.org/lib");
        assertThat(pom.metadata().sourceCodeRepository()).contains("scm:git:https://example.org/lib.git");
        assertThat(pom.metadata().licensesJson()).contains("[{\"name\":\"MIT\",\"url\":"
                + "\"https://opensource.org/licenses/MIT\"},{\"name\":\"Apache-2.0\"}]");
        assertThat(pom.dependencies()).containsExactly(
                new DependencyRow(Optional.of("org.example"), "core", Optional.of("compile"), Optional.of("2.5")),
                new DependencyRow(Optional.of("org.junit"), "junit", Optional.of("test"), Optional.empty()),
                new DependencyRow(Optional.of("org.other"), "x", Optional.of("runtime"),
                        Optional.of("${undefined}")));
    }

    @Test
    void aPomWithoutANameIsNamedAfterItsArtifactAndDefaultsToJarPackaging() throws IOException {
        MavenPom pom = MavenPom.read(bytes("<project><groupId>g</groupId><artifactId>lib</artifactId>"
                + "<version>1</version></project>"), "lib");
        assertThat(pom.metadata().displayName()).contains("lib");
        assertThat(pom.packaging()).isEqualTo("jar");
        assertThat(pom.dependencies()).isEmpty();
        assertThatThrownBy(() -> MavenPom.read(bytes("<metadata/>"), "lib")).hasMessageContaining("not project");
        assertThatThrownBy(() -> MavenPom.read(bytes("<project>"), "lib")).hasMessageContaining("well-formed");
    }

    @Test
    void documentTypesAreRefusedSoNoEntityIsExpandedOrFetched() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "do not read");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><project><name>&x;</name></project>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<project><name>&c;</name></project>";
        for (String hostile : List.of(external, laughs)) {
            assertThatThrownBy(() -> MavenPom.read(bytes(hostile), "lib")).hasMessageContaining("document type")
                    .message().doesNotContain("do not read");
        }
        assertThatThrownBy(() -> XmlElement.read(new ByteArrayInputStream(bytes("<a>" + "<b>".repeat(100)
                + "</b>".repeat(100) + "</a>")))).hasMessageContaining("deeper than");
    }

    @Test
    void metadataListsVersionsInMavenOrderWithLatestAndReleaseAndReadsBack() throws IOException {
        byte[] xml = MavenMetadata.artifact(LIB, List.of("1.10", "1.9", "2.0-SNAPSHOT", "1.9"),
                Optional.of(Instant.parse("2024-01-02T03:04:05Z")));
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<lastUpdated>20240102030405</lastUpdated>")
                .contains("<metadata modelVersion=\"1.1.0\">", "<latest>2.0-SNAPSHOT</latest>",
                        "<release>1.10</release>");
        MavenMetadata.Document document = MavenMetadata.read(new ByteArrayInputStream(xml));
        assertThat(document.groupId()).contains("org.example");
        assertThat(document.artifactId()).contains("lib");
        assertThat(document.versions()).containsExactly("1.9", "1.10", "2.0-SNAPSHOT");
        assertThat(document.plugins()).isFalse();
    }

    @Test
    void snapshotMetadataNamesTheBuildAndEachOfItsFiles() throws IOException {
        List<MavenFile> files = List.of(
                MavenFile.parse("lib", "1.0-SNAPSHOT", "lib-1.0-20240102.030405-7.jar").orElseThrow(),
                MavenFile.parse("lib", "1.0-SNAPSHOT", "lib-1.0-20240102.030405-7-sources.jar").orElseThrow());
        String xml = new String(MavenMetadata.snapshot(LIB, "1.0-SNAPSHOT", "20240102.030405-7", files,
                Instant.parse("2024-01-02T03:04:06Z")), StandardCharsets.UTF_8);
        assertThat(xml).contains("<version>1.0-SNAPSHOT</version>")
                .contains("<timestamp>20240102.030405</timestamp>").contains("<buildNumber>7</buildNumber>")
                .contains("<classifier>sources</classifier>").contains("<value>1.0-20240102.030405-7</value>")
                .contains("<updated>20240102030406</updated>");
        assertThat(MavenMetadata.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .snapshotBuild()).contains("20240102.030405-7");
        assertThat(MavenMetadata.read(new ByteArrayInputStream(bytes("<metadata><plugins><plugin><prefix>x"
                + "</prefix></plugin></plugins></metadata>"))).plugins()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

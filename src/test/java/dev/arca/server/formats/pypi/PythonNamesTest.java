package dev.arca.server.formats.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.error.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Project names, distribution file names, core metadata files and the simple API's content negotiation. */
class PythonNamesTest {

    @Test
    void namesNormalizeAsPep503Says() {
        assertThat(PythonNames.project("Foo.Bar__baz-_-QUX").name()).isEqualTo("foo-bar-baz-qux");
        assertThatThrownBy(() -> PythonNames.project("-foo")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PythonNames.project("foo/bar")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PythonNames.version("1.0/..")).isInstanceOf(ApiException.class);
    }

    @Test
    void wheelsAndSdistsSayTheirProjectAndVersion() {
        assertThat(PythonNames.distribution("Foo_Bar-1.0.post1-1-py3-none-any.whl")).hasValueSatisfying(d -> {
            assertThat(d.project()).isEqualTo("Foo_Bar");
            assertThat(d.version()).isEqualTo("1.0.post1");
            assertThat(d.wheel()).isTrue();
        });
        assertThat(PythonNames.distribution("foo-bar-2.0rc1.tar.gz")).hasValueSatisfying(d -> {
            assertThat(d.project()).isEqualTo("foo-bar");
            assertThat(d.version()).isEqualTo("2.0rc1");
            assertThat(d.wheel()).isFalse();
        });
        assertThat(PythonNames.distribution("foo-1.0.zip")).isPresent();
        assertThat(PythonNames.distribution("foo-1.0.exe")).isEmpty();
        assertThat(PythonNames.distribution("foo.tar.gz")).isEmpty();
        assertThat(PythonNames.distribution("../foo-1.0.tar.gz")).isEmpty();
        assertThat(PythonNames.belongsTo(PythonNames.distribution("Foo_Bar-1.0-py3-none-any.whl").orElseThrow(),
                PythonNames.project("foo-bar"), "1.0")).isTrue();
    }

    @Test
    void coreMetadataFilesParseIntoWhatCodeArtifactKeeps() {
        PythonMetadata metadata = PythonMetadata.parse("""
                Metadata-Version: 2.1
                Name: Foo
                Version: 1.0
                Summary: A foo
                License: Apache-2.0
                 with a second line
                Requires-Dist: bar[extra] (<2,>=1)
                Requires-Dist: baz; python_version < "3.9"
                Project-URL: Homepage, https://example.invalid/foo

                # Foo
                """);
        var version = metadata.versionMetadata("Foo", "1.0");
        assertThat(version.summary()).contains("A foo");
        assertThat(version.homePage()).contains("https://example.invalid/foo");
        assertThat(version.licensesJson()).contains("[{\"name\":\"Apache-2.0\"}]");
        assertThat(version.readme()).contains("# Foo\n");
        assertThat(metadata.dependencies()).extracting(d -> d.packageName(), d -> d.versionRequirement())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bar", Optional.of("<2,>=1")),
                        org.assertj.core.groups.Tuple.tuple("baz", Optional.of("; python_version < \"3.9\"")));
    }

    @Test
    void pagesAnswerInTheFormTheClientPrefers() {
        assertThat(SimpleIndex.negotiate(Optional.empty())).isEqualTo(SimpleIndex.TEXT_HTML);
        assertThat(SimpleIndex.negotiate(Optional.of("application/vnd.pypi.simple.v1+json, "
                + "application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01"))).isEqualTo(SimpleIndex.JSON_V1);
        assertThat(SimpleIndex.negotiate(Optional.of("application/vnd.pypi.simple.latest+html")))
                .isEqualTo(SimpleIndex.HTML_V1);
        assertThat(SimpleIndex.negotiate(Optional.of("*/*"))).isEqualTo(SimpleIndex.JSON_V1);
        assertThat(SimpleIndex.negotiate(Optional.of("text/*, application/json; q=0")))
                .isEqualTo(SimpleIndex.TEXT_HTML);
        assertThatThrownBy(() -> SimpleIndex.negotiate(Optional.of("application/json")))
                .isInstanceOf(ApiException.class).hasMessageContaining("answers in");
    }
}

package dev.arca.server.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.core.PackageFormat;
import dev.arca.server.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryPathTest {

    @Test
    void aPathIsSplitIntoItsRepositoryAndDecodedSegments() {
        RepositoryPath path = RepositoryPath.parse(
                "/my-domain-123456789012/npm/my_repo/@scope%2fname/-/name-1.0.0.tgz");
        assertThat(path.domain()).isEqualTo("my-domain");
        assertThat(path.domainOwner()).isEqualTo("123456789012");
        assertThat(path.format()).isEqualTo(PackageFormat.NPM);
        assertThat(path.repository()).isEqualTo("my_repo");
        assertThat(path.segments()).containsExactly("@scope/name", "-", "name-1.0.0.tgz");
        assertThat(path.directory()).isFalse();

        RepositoryPath root = RepositoryPath.parse("/d1-123456789012/maven/repo/");
        assertThat(root.segments()).isEmpty();
        assertThat(root.directory()).isTrue();
        assertThat(RepositoryPath.parse("/d1-123456789012/pypi/repo/simple/my-pkg/").segments())
                .containsExactly("simple", "my-pkg");
        assertThat(RepositoryPath.parse("/a-1-123456789012/npm/repo/x").domain()).isEqualTo("a-1");
    }

    @Test
    void anythingThatCouldEscapeOrInjectIsRefused() {
        String prefix = "/d1-123456789012/npm/repo/";
        for (String bad : List.of("..", ".", "a/../b", "%2e%2e", "%2E", ".%2e", "%252e%252e", "a%5cb", "a\\b",
                "a;b", "a%3bb", "a%0d%0ab", "a%0a", "a%00", "a%7f", "a%25", "%c3%a9", "é", "a b", "a%20b", "a//b",
                "foo%2fbar", "@s%2f..", "@s%2fa%2fb", "%2f", "a%2", "a%zz", "a\"b", "a<b", "x".repeat(2100))) {
            assertThatThrownBy(() -> RepositoryPath.parse(prefix + bad)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        for (String bad : List.of("/d1-123456789012/npm/../repo/x", "/d1-123456789012/nope/repo/x",
                "/d1-123456789012/npm/r/x", "/d1-123456789012/npm/re%2fpo/x", "/D1-123456789012/npm/repo/x",
                "/d1-12345678901/npm/repo/x")) {
            assertThatThrownBy(() -> RepositoryPath.parse(bad)).as(bad).isInstanceOf(ApiException.class);
        }
        assertThatThrownBy(() -> RepositoryPath.parse("/d1-123456789012/maven/repo/@s%2fname"))
                .as("an encoded slash is npm's, in a scoped name only").isInstanceOf(ApiException.class);
    }

    @Test
    void onlyPathsUnderADomainOwnerPrefixAreRepositoryPaths() {
        assertThat(RepositoryPath.isRepositoryPath("/d1-123456789012/npm/repo/x")).isTrue();
        assertThat(RepositoryPath.isRepositoryPath("/v1/domains")).isFalse();
        assertThat(RepositoryPath.isRepositoryPath("/_arca/health")).isFalse();
        assertThat(RepositoryPath.isRepositoryPath("/d1-123456789012")).isFalse();
        String longest = "d" + "x".repeat(48) + "1";
        assertThat(RepositoryPath.isRepositoryPath("/" + longest + "-123456789012/npm/repo/x")).isTrue();
        for (String notADomainOwner : List.of("/" + longest + "x-123456789012/", "/d-123456789012/",
                "/-d1-123456789012/", "/1d-123456789012/", "/d1--123456789012/", "/d_1-123456789012/",
                "/d1-1234567890123/", "/d1-12345678901a/", "/d1123456789012/", "d1-123456789012/", "")) {
            assertThat(RepositoryPath.isRepositoryPath(notADomainOwner + "npm/repo/x")).as(notADomainOwner).isFalse();
        }
    }
}

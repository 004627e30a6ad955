package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientSetupTest {

    private static final String NPM = "http://127.0.0.1:8080/team-123456789012/npm/app/";
    private static final String PYPI = "http://127.0.0.1:8080/team-123456789012/pypi/app/";

    @Test
    void npmGetsTheRegistryAndATokenForThatPathAsAwsCodeartifactLoginWrites() {
        assertThat(ClientSetup.snippet(ClientSetup.Tool.NPM, "app", NPM, "TOKEN")).isEqualTo(
                "registry=" + NPM + "\n//127.0.0.1:8080/team-123456789012/npm/app/:_authToken=TOKEN\n");
    }

    @Test
    void pipUsesTheSimpleIndexWithAwsAsTheUser() {
        assertThat(ClientSetup.snippet(ClientSetup.Tool.PIP, "app", PYPI, "TOKEN"))
                .contains("index-url = http://aws:TOKEN@127.0.0.1:8080/team-123456789012/pypi/app/simple/");
    }

    @Test
    void twineAndMavenNameTheRepositoryAndTheAwsUser() {
        assertThat(ClientSetup.snippet(ClientSetup.Tool.TWINE, "app", PYPI, "TOKEN"))
                .contains("repository = " + PYPI).contains("username = aws").contains("password = TOKEN");
        assertThat(ClientSetup.snippet(ClientSetup.Tool.MAVEN, "app", NPM, "TOKEN"))
                .contains("<id>app-repository</id>").contains("<username>aws</username>").contains("<url>" + NPM)
                .contains("<activeProfile>app-repository</activeProfile>").doesNotContain("activeByDefault");
        assertThat(ClientSetup.mavenRepositoryId("app")).isEqualTo("app-repository");
    }

    @Test
    void gradleReadsTheTokenFromTheEnvironmentRatherThanABuildFile() {
        assertThat(ClientSetup.snippet(ClientSetup.Tool.GRADLE, "app", NPM, "A-VERY-LONG-TOKEN"))
                .contains("System.getenv(\"CODEARTIFACT_AUTH_TOKEN\")").doesNotContain("A-VERY-LONG-TOKEN");
    }
}

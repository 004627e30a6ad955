package dev.arca.core;

import java.net.URI;
import java.util.Objects;

/**
 * The settings a package client needs to use a repository, as text to paste: the endpoint comes from
 * GetRepositoryEndpoint and the token from GetAuthorizationToken (user name {@code aws} wherever a user is asked).
 */
public final class ClientSetup {

    /** The clients Arca writes settings for, with the format each one uses. */
    public enum Tool {
        NPM("npm", PackageFormat.NPM, ".npmrc"),
        PIP("pip", PackageFormat.PYPI, "pip.conf"),
        TWINE("twine", PackageFormat.PYPI, ".pypirc"),
        MAVEN("Maven", PackageFormat.MAVEN, "settings.xml"),
        GRADLE("Gradle", PackageFormat.MAVEN, "build.gradle.kts");

        private final String label;
        private final PackageFormat format;
        private final String file;

        Tool(String label, PackageFormat format, String file) {
            this.label = label;
            this.format = format;
            this.file = file;
        }

        public String label() {
            return label;
        }

        public PackageFormat format() {
            return format;
        }

        /** The file the snippet belongs in. */
        public String file() {
            return file;
        }
    }

    private ClientSetup() {
    }

    /** The snippet for {@code tool}, given the repository's endpoint for the tool's format and a token. */
    public static String snippet(Tool tool, String repository, String endpoint, String token) {
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(token);
        URI uri = URI.create(endpoint);
        String hostAndPath = uri.getRawAuthority() + uri.getRawPath();
        String id = mavenRepositoryId(repository);
        return switch (tool) {
            case NPM -> "registry=" + endpoint + "\n"
                    + "//" + hostAndPath + ":_authToken=" + token + "\n";
            case PIP -> "[global]\n"
                    + "index-url = " + uri.getScheme() + "://aws:" + token + "@" + hostAndPath + "simple/\n";
            case TWINE -> "[distutils]\nindex-servers =\n    codeartifact\n\n"
                    + "[codeartifact]\n"
                    + "repository = " + endpoint + "\n"
                    + "username = aws\n"
                    + "password = " + token + "\n";
            case MAVEN -> "<settings>\n"
                    + "  <!-- mvn deploy publishes here when the project's distributionManagement repository has the"
                    + " same id and url -->\n"
                    + "  <servers>\n"
                    + "    <server>\n"
                    + "      <id>" + id + "</id>\n"
                    + "      <username>aws</username>\n"
                    + "      <password>" + token + "</password>\n"
                    + "    </server>\n"
                    + "  </servers>\n"
                    + "  <profiles>\n"
                    + "    <profile>\n"
                    + "      <id>" + id + "</id>\n"
                    + "      <repositories>\n"
                    + "        <repository>\n"
                    + "          <id>" + id + "</id>\n"
                    + "          <url>" + endpoint + "</url>\n"
                    + "        </repository>\n"
                    + "      </repositories>\n"
                    + "    </profile>\n"
                    + "  </profiles>\n"
                    + "  <activeProfiles>\n"
                    + "    <activeProfile>" + id + "</activeProfile>\n"
                    + "  </activeProfiles>\n"
                    + "</settings>\n";
            case GRADLE -> "repositories {\n"
                    + "    maven {\n"
                    + "        url = uri(\"" + endpoint + "\")\n"
                    + "        credentials {\n"
                    + "            username = \"aws\"\n"
                    + "            password = System.getenv(\"CODEARTIFACT_AUTH_TOKEN\") // " + abbreviate(token) + "\n"
                    + "        }\n"
                    + "    }\n"
                    + "}\n";
        };
    }

    /**
     * The id the Maven snippet gives the repository and its credentials; a project deploys there with a
     * {@code distributionManagement} repository of this id.
     */
    public static String mavenRepositoryId(String repository) {
        return repository + "-repository";
    }

    private static String abbreviate(String token) {
        return token.length() <= 12 ? token : token.substring(0, 8) + "…";
    }
}

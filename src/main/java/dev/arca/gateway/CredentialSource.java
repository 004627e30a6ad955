package dev.arca.gateway;

import java.nio.file.Path;
import java.util.Objects;

/** Where a connection's credentials come from. Arca remembers the source, never the secret. */
public sealed interface CredentialSource {

    /** How the source reads in the UI. */
    String describe();

    /** The embedded server's own keys, which this process holds. */
    record EmbeddedServerKeys() implements CredentialSource {
        @Override
        public String describe() {
            return "the local server's own keys";
        }
    }

    /** A profile of the AWS shared configuration: keys, IAM Identity Center (SSO), assume-role, a process. */
    record SharedProfile(String profile) implements CredentialSource {
        public SharedProfile {
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public String describe() {
            return "AWS profile " + profile;
        }
    }

    /**
     * The {@code [default]} profile of a file in the AWS shared-credentials format, such as the
     * {@code DIR/credentials} file an Arca server writes.
     */
    record CredentialsFile(Path file) implements CredentialSource {
        public CredentialsFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return "credentials file " + file;
        }
    }

    /** Keys typed for this session: kept in memory and asked for again on the next start. */
    record SessionKeys() implements CredentialSource {
        @Override
        public String describe() {
            return "keys typed for this session";
        }
    }
}

package dev.arca.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The AWS shared configuration and credentials files, the ones the AWS CLI reads. Read afresh on every use, so a
 * profile added with {@code aws configure} shows up without restarting Arca. Arca only reads these files.
 */
public final class AwsSharedConfig {

    private static final String NO_CREDENTIALS = "no credentials";

    private final Path configFile;
    private final Path credentialsFile;

    public AwsSharedConfig(Path configFile, Path credentialsFile) {
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.credentialsFile = Objects.requireNonNull(credentialsFile, "credentialsFile");
    }

    /**
     * The files the AWS CLI uses: {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE} (or the
     * {@code aws.configFile} and {@code aws.sharedCredentialsFile} system properties) when set, else
     * {@code ~/.aws/config} and {@code ~/.aws/credentials}.
     */
    public static AwsSharedConfig standard() {
        return new AwsSharedConfig(ProfileFileLocation.configurationFilePath(),
                ProfileFileLocation.credentialsFilePath());
    }

    /**
     * The files the AWS CLI would use in {@code environment}: {@code AWS_CONFIG_FILE} and
     * {@code AWS_SHARED_CREDENTIALS_FILE} from it when set (a leading {@code ~} is the home directory), else the
     * {@linkplain #standard() standard} ones.
     */
    public static AwsSharedConfig fromEnvironment(Map<String, String> environment) {
        return new AwsSharedConfig(
                fileNamed(environment.get("AWS_CONFIG_FILE")).orElseGet(ProfileFileLocation::configurationFilePath),
                fileNamed(environment.get("AWS_SHARED_CREDENTIALS_FILE"))
                        .orElseGet(ProfileFileLocation::credentialsFilePath));
    }

    private static Optional<Path> fileNamed(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.equals("~") || value.startsWith("~/") || value.startsWith("~" + java.io.File.separator)) {
            return Optional.of(Path.of(System.getProperty("user.home") + value.substring(1)));
        }
        return Optional.of(Path.of(value));
    }

    /**
     * Both files as one, as the SDK sees them; a missing file counts as empty. Reads the disk.
     *
     * @throws GatewayException when a file cannot be read or parsed
     */
    ProfileFile load() {
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        if (Files.isRegularFile(configFile)) {
            files.addFile(read(configFile, ProfileFile.Type.CONFIGURATION));
        }
        if (Files.isRegularFile(credentialsFile)) {
            files.addFile(read(credentialsFile, ProfileFile.Type.CREDENTIALS));
        }
        return files.build();
    }

    /**
     * One file in the AWS format. Reads the disk.
     *
     * @throws GatewayException when it cannot be read or parsed
     */
    static ProfileFile read(Path file, ProfileFile.Type type) {
        try {
            return ProfileFile.builder().content(file).type(type).build();
        } catch (RuntimeException e) {
            throw new GatewayException("Could not read " + file + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    /** Every profile of both files, {@code default} first, then by name. Reads the disk. */
    public List<AwsProfile> profiles() {
        return load().profiles().values().stream()
                .map(p -> new AwsProfile(p.name(), credentials(p), p.property(ProfileProperty.REGION)))
                .sorted(Comparator.comparing((AwsProfile p) -> !p.name().equals("default"))
                        .thenComparing(AwsProfile::name))
                .toList();
    }

    /** The two files, as a user would look for them. */
    public String describe() {
        return configFile + " and " + credentialsFile;
    }

    /** Whether {@code profile} says where credentials come from (keys, a role, SSO, a process …). */
    static boolean hasCredentials(Profile profile) {
        return !credentials(profile).equals(NO_CREDENTIALS);
    }

    private static String credentials(Profile profile) {
        Optional<String> role = profile.property(ProfileProperty.ROLE_ARN);
        if (role.isPresent()) {
            String via = profile.property(ProfileProperty.SOURCE_PROFILE).map(s -> "profile " + s)
                    .or(() -> profile.property(ProfileProperty.CREDENTIAL_SOURCE))
                    .or(() -> profile.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).map(f -> "web identity"))
                    .orElse("nothing");
            return "assumes role " + role.get() + " via " + via;
        }
        if (profile.property("sso_session").isPresent()
                || profile.property(ProfileProperty.SSO_START_URL).isPresent()) {
            return "IAM Identity Center (SSO)";
        }
        if (profile.property(ProfileProperty.LOGIN_SESSION).isPresent()) {
            return "console sign-in session";
        }
        if (profile.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent()) {
            return "credential process";
        }
        if (profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            return "access keys";
        }
        return NO_CREDENTIALS;
    }
}

package dev.arca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    private static final RootCredentials EXAMPLE =
            new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void storedCredentialsReadBack() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        RootCredentials credentials = new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough");

        file.store(Map.of("default", credentials));

        assertThat(file.load()).hasValue(credentials);
    }

    @Test
    void fileIsInTheAwsSharedCredentialsFormat() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        file.store(Map.of("default", new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough")));

        assertThat(Files.readAllLines(file.path())).contains("[default]",
                "aws_access_key_id = AKIAEXAMPLEEXAMPLE01",
                "aws_secret_access_key = a-secret-that-is-long-enough");
    }

    @Test
    void onlyTheDefaultProfileCounts() throws IOException {
        Files.writeString(dir.resolve(CredentialsFile.FILE_NAME), """
                [other]
                aws_access_key_id = AKIAOTHEROTHEROTHER1
                aws_secret_access_key = other-secret-long-enough
                [default]
                aws_access_key_id=AKIAEXAMPLEEXAMPLE01
                aws_secret_access_key=a-secret-that-is-long-enough
                """);

        assertThat(new CredentialsFile(dir).load())
                .hasValue(new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough"));
    }

    @Test
    void aFileWithoutKeysIsAnError() throws IOException {
        Files.writeString(dir.resolve(CredentialsFile.FILE_NAME), "[default]\n");

        assertThatThrownBy(() -> new CredentialsFile(dir).load()).isInstanceOf(IOException.class)
                .hasMessageContaining("has no [default]");
    }

    @Test
    void missingFileMeansNothingStored() throws IOException {
        assertThat(new CredentialsFile(dir).load()).isEmpty();
    }

    @Test
    void storingLeavesNoTemporaryFilesBehind() throws IOException {
        new CredentialsFile(dir).store(Map.of("default", EXAMPLE));

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(CredentialsFile.FILE_NAME);
        }
    }

    @Test
    void oneAccountKeepsTheSingleDefaultProfile() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);

        Map<String, RootCredentials> roots = file.loadOrCreate(List.of("111122223333"), Optional.empty(), RANDOM);

        assertThat(roots).containsOnlyKeys("111122223333");
        assertThat(Files.readAllLines(file.path())).filteredOn(l -> l.startsWith("[")).containsExactly("[default]");
        assertThat(file.loadOrCreate(List.of("111122223333"), Optional.empty(), RANDOM)).isEqualTo(roots);
    }

    @Test
    void severalAccountsGetAProfileEachAndTheFirstIsAlsoDefault() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        file.store(Map.of("default", EXAMPLE));

        Map<String, RootCredentials> roots = file.loadOrCreate(List.of("111122223333", "444455556666"),
                Optional.empty(), RANDOM);

        assertThat(roots.get("111122223333")).as("the stored default pair is kept").isEqualTo(EXAMPLE);
        assertThat(roots.get("444455556666")).isNotEqualTo(EXAMPLE);
        String text = Files.readString(file.path());
        assertThat(text).contains("[default]", "[111122223333]", "[444455556666]",
                roots.get("444455556666").secretAccessKey());
        assertThat(file.loadOrCreate(List.of("111122223333", "444455556666"), Optional.empty(), RANDOM))
                .as("the same keys after a restart").isEqualTo(roots);
    }

    @Test
    void givenFirstCredentialsAreNeverWrittenButTheOtherAccountsAre() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        RootCredentials given = new RootCredentials("AKIAGIVENGIVENGIVEN1", "given-secret-long-enough-to-use");

        Map<String, RootCredentials> roots = file.loadOrCreate(List.of("111122223333", "444455556666"),
                Optional.of(given), RANDOM);

        assertThat(roots.get("111122223333")).isEqualTo(given);
        String text = Files.readString(file.path());
        assertThat(text).doesNotContain(given.accessKeyId()).doesNotContain("[default]").contains("[444455556666]");
    }

    @Test
    void profilesOfAccountsNoLongerServedAreKept() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        file.loadOrCreate(List.of("111122223333", "444455556666"), Optional.empty(), RANDOM);

        file.loadOrCreate(List.of("111122223333", "777788889999"), Optional.empty(), RANDOM);

        assertThat(Files.readString(file.path())).contains("[444455556666]", "[777788889999]");
    }
}

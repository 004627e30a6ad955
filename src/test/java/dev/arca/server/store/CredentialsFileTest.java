package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arca.server.RootCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @TempDir
    Path dir;

    @Test
    void storedCredentialsReadBack() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        RootCredentials credentials = new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough");

        file.store(credentials);

        assertThat(file.load()).hasValue(credentials);
    }

    @Test
    void fileIsInTheAwsSharedCredentialsFormat() throws IOException {
        CredentialsFile file = new CredentialsFile(dir);
        file.store(new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough"));

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
        new CredentialsFile(dir).store(new RootCredentials("AKIAEXAMPLEEXAMPLE01", "a-secret-that-is-long-enough"));

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(CredentialsFile.FILE_NAME);
        }
    }
}

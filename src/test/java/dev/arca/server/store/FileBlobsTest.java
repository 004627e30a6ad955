package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The blob contract on the file system, and the layout existing data directories have. */
class FileBlobsTest extends BlobBackendContract {

    private FileBlobs files;

    @Override
    protected BlobBackend openEmptyBackend() throws Exception {
        files = new FileBlobs(dir.resolve("blobs"));
        return files;
    }

    @Test
    void aBlobIsOneFileAtDomainThenTheFirstTwoHexDigitsThenTheDigest() throws Exception {
        String sha256 = commit(7, bytes(10));

        Path file = dir.resolve("blobs").resolve("7").resolve(sha256.substring(0, 2)).resolve(sha256);
        assertThat(files.path(7, sha256)).isEqualTo(file);
        assertThat(file).isRegularFile();
        try (var all = Files.walk(dir.resolve("blobs"))) {
            assertThat(all.filter(Files::isRegularFile).toList()).containsExactly(file);
        }
    }

    @Test
    void committingMovesTheStagedFileInsteadOfCopyingIt() throws Exception {
        BlobStore.StagedBlob staged = store.stage(new ByteArrayInputStream(bytes(70_000)), Long.MAX_VALUE, key);

        store.commit(1, staged);

        try (var left = Files.list(dir.resolve("staging"))) {
            assertThat(left.toList()).isEmpty();
        }
        staged.close();
        assertThat(files.path(1, staged.sha256())).isRegularFile();
    }
}

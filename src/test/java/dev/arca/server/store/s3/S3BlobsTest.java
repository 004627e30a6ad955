package dev.arca.server.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.server.store.BlobBackend;
import dev.arca.server.store.BlobBackendContract;
import dev.arca.server.store.BlobStore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The blob contract against a real S3-compatible server (moto), with 5 MiB parts and pages of two keys so that
 * multipart uploads and paged listings are exercised; and where the objects go.
 */
class S3BlobsTest extends BlobBackendContract {

    private static final String BUCKET = "arca-blob-contract";
    private static final long PART_SIZE = 5L << 20;
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private static S3Client s3;
    private S3Location location;

    @BeforeAll
    static void createBucket() {
        s3 = MotoServer.shared().client();
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @Override
    protected BlobBackend openEmptyBackend() {
        location = new S3Location(BUCKET, "test-" + PREFIXES.incrementAndGet() + "/blobs");
        return new S3Blobs(s3, location, PART_SIZE, 2);
    }

    @Test
    void aBlobIsAnObjectAtPrefixThenDomainThenTheFirstTwoHexDigitsThenTheDigest() throws Exception {
        String sha256 = commit(7, bytes(10));

        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(location.keyPrefix())).contents())
                .extracting(S3Object::key)
                .containsExactly(location.prefix() + "/7/" + sha256.substring(0, 2) + "/" + sha256);
    }

    @Test
    void contentAboveThePartSizeIsUploadedInPartsAndBelowItInOnePut() throws Exception {
        String large = commit(1, bytes(MULTIPART_SIZE));
        String small = commit(1, bytes((int) PART_SIZE / 2));

        // S3 (and moto) tag an object put together from N parts with an ETag ending in -N.
        assertThat(s3.headObject(r -> r.bucket(BUCKET).key(location.key(1, large))).eTag()).endsWith("-3\"");
        assertThat(s3.headObject(r -> r.bucket(BUCKET).key(location.key(1, small))).eTag()).doesNotContain("-");
        assertThat(s3.listMultipartUploads(r -> r.bucket(BUCKET).prefix(location.keyPrefix())).uploads()).isEmpty();
    }

    @Test
    void listingIgnoresObjectsThatAreNotBlobsOfThisPrefix() throws Exception {
        String sha256 = commit(1, bytes(10));
        s3.putObject(r -> r.bucket(BUCKET).key(location.keyPrefix() + "README"), RequestBody.fromString("notes"));
        s3.putObject(r -> r.bucket(BUCKET).key(location.prefix() + "-other/1/" + sha256.substring(0, 2) + "/" + sha256),
                RequestBody.fromString("a neighbour's"));

        assertThat(store.list()).containsExactly(new BlobStore.StoredBlob(1, sha256));
    }
}

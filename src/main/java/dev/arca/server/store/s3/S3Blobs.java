package dev.arca.server.store.s3;

import dev.arca.server.store.BlobBackend;
import dev.arca.server.store.BlobStore.StoredBlob;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Sealed blobs as objects in S3-compatible storage, keyed {@code PREFIX/DOMAIN/ab/SHA256} like the files. Uploads
 * stream from the staged file: one PutObject up to the part size, a multipart upload above it (each part read from
 * the file as it is sent, so memory stays constant whatever the size); S3 makes an object visible whole or not at
 * all. Downloads stream the object as the reader asks for it.
 */
public final class S3Blobs implements BlobBackend {

    /** The part size of multipart uploads, and the largest object sent in one PutObject. */
    public static final long PART_SIZE = 8L << 20;
    /** S3's smallest part (but the last). */
    private static final long MIN_PART_SIZE = 5L << 20;
    private static final int LIST_PAGE_SIZE = 1000;
    private static final Pattern BLOB_KEY = Pattern.compile("([0-9]+)/([0-9a-f]{2})/([0-9a-f]{64})");

    private final S3Client s3;
    private final S3Location location;
    private final long partSize;
    private final int listPageSize;
    private final Runnable onClose;

    /**
     * Blobs at {@code location} through a client the caller owns: uploads above {@code partSize} bytes (at least
     * 5 MiB) go in parts of that size; listings ask for {@code listPageSize} keys a page.
     */
    public S3Blobs(S3Client s3, S3Location location, long partSize, int listPageSize) {
        this(s3, location, partSize, listPageSize, () -> { });
    }

    private S3Blobs(S3Client s3, S3Location location, long partSize, int listPageSize, Runnable onClose) {
        this.s3 = Objects.requireNonNull(s3);
        this.location = Objects.requireNonNull(location);
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("parts must be at least " + MIN_PART_SIZE + " bytes");
        }
        this.partSize = partSize;
        this.listPageSize = listPageSize;
        this.onClose = onClose;
    }

    /**
     * Blobs at {@code location} through a client built from the environment's AWS settings, after checking that the
     * bucket is there and can be reached (HeadBucket).
     *
     * @throws IOException with one plain sentence when the settings or the bucket cannot be used
     */
    public static S3Blobs connect(S3Location location) throws IOException {
        SdkHttpClient http = S3ClientFactory.http();
        S3Client s3 = null;
        try {
            s3 = S3ClientFactory.fromEnvironment(http);
            S3Client owned = s3;
            S3Blobs blobs = new S3Blobs(s3, location, PART_SIZE, LIST_PAGE_SIZE, () -> {
                owned.close();
                http.close();
            });
            blobs.checkBucket();
            return blobs;
        } catch (IOException | RuntimeException e) {
            if (s3 != null) {
                s3.close();
            }
            http.close();
            if (e instanceof IOException) {
                throw new IOException("cannot keep blobs in " + location + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private void checkBucket() throws IOException {
        try {
            s3.headBucket(r -> r.bucket(location.bucket()));
        } catch (S3Exception e) {
            throw new IOException(switch (e.statusCode()) {
                case 404 -> "the bucket does not exist";
                case 403 -> "access to the bucket is denied (check the AWS credentials)";
                case 301 -> "the bucket is in another region (set AWS_REGION to the bucket's)";
                default -> "S3 answered HeadBucket with HTTP " + e.statusCode();
            }, e);
        } catch (SdkClientException e) {
            String reason = String.valueOf(e.getMessage());
            throw new IOException(reason.startsWith("Unable to load credentials")
                    ? "no AWS credentials were found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile)"
                    : "S3 cannot be reached (" + reason.replaceFirst("^Unable to execute HTTP request: ", "") + ")", e);
        }
    }

    /** Uploads now, outside the write lock: under it, {@link #put} then only asks whether the object is there. */
    @Override
    public void putAhead(long domainId, String sha256, Path sealed) throws IOException {
        put(domainId, sha256, sealed);
    }

    @Override
    public void put(long domainId, String sha256, Path sealed) throws IOException {
        String key = location.key(domainId, sha256);
        if (exists(key)) {
            return;
        }
        long size = Files.size(sealed);
        try {
            if (size <= partSize) {
                s3.putObject(r -> r.bucket(location.bucket()).key(key), RequestBody.fromFile(sealed));
            } else {
                putInParts(key, sealed, size);
            }
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
    }

    private void putInParts(String key, Path sealed, long size) throws IOException {
        String upload = s3.createMultipartUpload(r -> r.bucket(location.bucket()).key(key)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        try (FileChannel file = FileChannel.open(sealed, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partSize) {
                int number = parts.size() + 1;
                long start = offset;
                long length = Math.min(partSize, size - offset);
                UploadPartResponse part = s3.uploadPart(r -> r.bucket(location.bucket()).key(key).uploadId(upload)
                                .partNumber(number).contentLength(length).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                        RequestBody.fromContentProvider(() -> new FileSlice(file, start, length), length,
                                "application/octet-stream"));
                parts.add(CompletedPart.builder().partNumber(number).eTag(part.eTag())
                        .checksumCRC32(part.checksumCRC32()).build());
            }
            s3.completeMultipartUpload(r -> r.bucket(location.bucket()).key(key).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(location.bucket()).key(key).uploadId(upload));
            } catch (SdkException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    @Override
    public boolean exists(long domainId, String sha256) throws IOException {
        return exists(location.key(domainId, sha256));
    }

    private boolean exists(String key) throws IOException {
        try {
            s3.headObject(r -> r.bucket(location.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("look up", key, e);
        } catch (SdkException e) {
            throw failure("look up", key, e);
        }
    }

    @Override
    public InputStream open(long domainId, String sha256) throws IOException {
        String key = location.key(domainId, sha256);
        try {
            ResponseInputStream<GetObjectResponse> object = s3.getObject(r -> r.bucket(location.bucket()).key(key));
            return new ObjectStream(object);
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException("s3://" + location.bucket() + "/" + key);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void delete(long domainId, String sha256) throws IOException {
        String key = location.key(domainId, sha256);
        try {
            s3.deleteObject(r -> r.bucket(location.bucket()).key(key));
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public List<StoredBlob> listWrittenBefore(Instant cutoff) throws IOException {
        String prefix = location.keyPrefix();
        List<StoredBlob> out = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(prefix)
                    .maxKeys(listPageSize)).contents()) {
                Matcher key = BLOB_KEY.matcher(object.key().substring(prefix.length()));
                if (key.matches() && key.group(3).startsWith(key.group(2))
                        && object.lastModified().isBefore(cutoff)) {
                    out.add(new StoredBlob(Long.parseLong(key.group(1)), key.group(3)));
                }
            }
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
        return out;
    }

    @Override
    public void close() {
        onClose.run();
    }

    private IOException failure(String action, String key, SdkException e) {
        return new IOException("S3 could not " + action + " s3://" + location.bucket() + "/" + key + ": "
                + e.getMessage(), e);
    }

    /** {@code length} bytes of the staged file from {@code start}: one part, read again if the SDK retries it. */
    private static final class FileSlice extends InputStream {
        private final FileChannel file;
        private final long end;
        private long position;

        FileSlice(FileChannel file, long start, long length) {
            this.file = file;
            this.position = start;
            this.end = start + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = file.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }

    /**
     * An object's bytes; closed before its end, it aborts the connection rather than let the HTTP client read the
     * rest of a large object only to reuse the connection.
     */
    private static final class ObjectStream extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> object;
        private long remaining;

        ObjectStream(ResponseInputStream<GetObjectResponse> object) {
            super(object);
            this.object = object;
            Long length = object.response().contentLength();
            this.remaining = length == null ? Long.MAX_VALUE : length;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            remaining = b < 0 ? 0 : remaining - 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            remaining = n < 0 ? 0 : remaining - n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            remaining -= skipped;
            return skipped;
        }

        @Override
        public void close() throws IOException {
            if (remaining > 0) {
                object.abort();
            }
            object.close();
        }
    }
}

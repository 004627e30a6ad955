package dev.arca.server.store.s3;

import dev.arca.server.store.BlobBackend;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where blobs live in S3-compatible storage: a bucket and an optional key prefix, written {@code s3://BUCKET/PREFIX}.
 * A blob's object key follows the file layout: {@code PREFIX/DOMAIN/ab/SHA256}.
 *
 * @param bucket the bucket, named as S3 allows (3 to 63 lower-case letters, digits, dots and hyphens)
 * @param prefix the key prefix without leading or trailing slash; empty for the bucket's root
 */
public record S3Location(String bucket, String prefix) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9!_.*'()-]+/)*[A-Za-z0-9!_.*'()-]+");

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("'" + bucket + "' is not a valid S3 bucket name");
        }
        if (!prefix.isEmpty() && (!PREFIX.matcher(prefix).matches() || prefix.matches("(.*/)?\\.{1,2}(/.*)?"))) {
            throw new IllegalArgumentException("'" + prefix + "' is not a usable key prefix: use letters, digits and"
                    + " !-_.*'() in segments separated by single slashes");
        }
    }

    /** Reads {@code s3://BUCKET} or {@code s3://BUCKET/PREFIX} (a trailing slash is ignored). */
    public static S3Location parse(String uri) {
        if (!uri.startsWith("s3://")) {
            throw new IllegalArgumentException("'" + uri + "' is not an s3:// URI; use s3://BUCKET or"
                    + " s3://BUCKET/PREFIX");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return new S3Location(bucket, prefix);
    }

    /** The object key of a domain's blob. */
    public String key(long domainId, String sha256) {
        String name = BlobBackend.checkedSha256(sha256);
        return keyPrefix() + domainId + "/" + name.substring(0, 2) + "/" + name;
    }

    /** What every blob's key starts with: the prefix and a slash, or nothing. */
    public String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}

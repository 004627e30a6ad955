package dev.arca.core.iam;

import java.time.Instant;
import java.util.Objects;

/** An access key of an IAM user, without its secret: id, whether it is active, when it was made. */
public record AccessKeyInfo(String accessKeyId, boolean active, Instant created) {
    public AccessKeyInfo {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(created, "created");
    }
}

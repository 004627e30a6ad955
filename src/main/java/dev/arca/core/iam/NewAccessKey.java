package dev.arca.core.iam;

import java.util.Objects;

/** A freshly created access key: the only time IAM hands out its secret. */
public record NewAccessKey(String userName, String accessKeyId, String secretAccessKey) {
    public NewAccessKey {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "NewAccessKey[" + userName + ", " + accessKeyId + "]"; // never the secret in a log line
    }
}

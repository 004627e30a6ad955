package dev.arca.gateway;

import java.util.Objects;

/** An access key pair the user typed for this session: held in memory only, never written, never printed. */
public record AccessKeys(String accessKeyId, String secretAccessKey) {

    public AccessKeys {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "AccessKeys[" + accessKeyId + ", secret hidden]";
    }
}

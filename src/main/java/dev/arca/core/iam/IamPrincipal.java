package dev.arca.core.iam;

import java.time.Instant;
import java.util.Objects;

/** An IAM user or role of the connection's account, as the Principals page lists it. */
public record IamPrincipal(PrincipalArn arn, String path, Instant created) {
    public IamPrincipal {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(created, "created");
    }

    public String name() {
        return arn.name();
    }

    public boolean isRole() {
        return arn.type() == PrincipalArn.Type.ROLE;
    }
}

package dev.arca.core;

import java.util.Map;
import java.util.OptionalInt;

/**
 * CodeArtifact's request-rate quotas, defined once: the local server enforces them under {@code --emulate-quotas}
 * and clients that pace themselves (bulk workflows) read them here. Source: the quotas table in
 * shared/spec/behavior.md §2, verbatim from the User Guide's "Quotas in AWS CodeArtifact".
 */
public final class RequestRates {

    /**
     * Requests per second by control-plane operation: the table's per-operation rows. Operations it does not list
     * have no documented rate.
     *
     * <p>Decision: metered per calling account (the signer's account, not the domain owner's), as AWS applies
     * service quotas per account and region and the spec says so for GetAuthorizationToken ("40/s per account",
     * behavior.md §Authentication).
     */
    public static final Map<String, Integer> PER_OPERATION = Map.of(
            "CopyPackageVersions", 5,
            "GetAuthorizationToken", 40,
            "GetPackageVersionAsset", 50,
            "ListPackageVersionAssets", 20,
            "ListPackageVersions", 200,
            "ListPackages", 200);

    /** Package-endpoint requests per second using one authorization token ("Requests/s using a single auth token"). */
    public static final int PER_TOKEN = 800;

    /**
     * Package-endpoint requests per second without an authorization token, per client IP address. The table gives
     * "Requests without auth token per IP: 600" without a unit; read per second like its neighbours (inferred).
     */
    public static final int WITHOUT_TOKEN_PER_IP = 600;

    private RequestRates() {
    }

    /** {@code operation}'s documented requests per second per account, if the table lists it. */
    public static OptionalInt perOperation(String operation) {
        Integer rate = PER_OPERATION.get(operation);
        return rate == null ? OptionalInt.empty() : OptionalInt.of(rate);
    }
}

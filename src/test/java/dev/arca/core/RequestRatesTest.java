package dev.arca.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request-rate quotas as the spec's quotas table gives them. */
class RequestRatesTest {

    @Test
    void theTableHoldsTheSpecsPerOperationRates() {
        assertThat(RequestRates.PER_OPERATION).containsOnly(
                Map.entry("CopyPackageVersions", 5),
                Map.entry("GetAuthorizationToken", 40),
                Map.entry("GetPackageVersionAsset", 50),
                Map.entry("ListPackageVersionAssets", 20),
                Map.entry("ListPackageVersions", 200),
                Map.entry("ListPackages", 200));
        assertThat(RequestRates.PER_TOKEN).isEqualTo(800);
        assertThat(RequestRates.WITHOUT_TOKEN_PER_IP).isEqualTo(600);
    }

    @Test
    void anOperationTheTableDoesNotListHasNoRate() {
        assertThat(RequestRates.perOperation("CopyPackageVersions")).hasValue(5);
        assertThat(RequestRates.perOperation("UpdatePackageVersionsStatus")).isEmpty();
    }
}

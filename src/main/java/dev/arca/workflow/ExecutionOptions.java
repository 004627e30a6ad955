package dev.arca.workflow;

import dev.arca.core.RequestRates;
import dev.arca.core.ServiceLimits;
import java.util.Map;

/**
 * How a run spreads its requests.
 *
 * @param concurrency       batches in flight at once, at least 1
 * @param ratesPerSecond    the most requests per second per operation (CopyPackageVersions: 5); operations absent
 *                          are limited by {@code concurrency} only. Throttling lowers a rate for a while either way.
 * @param versionsPerBatch  versions per request, 1 to {@link ServiceLimits#VERSIONS_PER_BATCH}
 */
public record ExecutionOptions(int concurrency, Map<String, Integer> ratesPerSecond, int versionsPerBatch) {

    public ExecutionOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (versionsPerBatch < 1 || versionsPerBatch > ServiceLimits.VERSIONS_PER_BATCH) {
            throw new IllegalArgumentException("versionsPerBatch must be 1 to " + ServiceLimits.VERSIONS_PER_BATCH);
        }
        ratesPerSecond = Map.copyOf(ratesPerSecond);
        ratesPerSecond.values().forEach(rate -> {
            if (rate < 1) {
                throw new IllegalArgumentException("a rate must be at least 1 request per second");
            }
        });
    }

    /**
     * CodeArtifact's documented rates ({@link RequestRates}), 8 batches at once (the status, dispose and delete
     * operations have no documented rate, so only this bounds them), full batches.
     */
    public static ExecutionOptions defaults() {
        return new ExecutionOptions(8, RequestRates.PER_OPERATION, ServiceLimits.VERSIONS_PER_BATCH);
    }
}

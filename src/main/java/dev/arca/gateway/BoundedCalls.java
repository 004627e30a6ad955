package dev.arca.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One blocking service call per item, at most a given number at once (virtual threads), answers in item order: how
 * the gateway reads many repositories without exceeding the service's request quotas. The first failure, or an
 * interrupt of the caller, cancels the calls still running. Public for the workflows, which read many versions the
 * same way.
 */
public final class BoundedCalls {

    /** A call for one item. */
    @FunctionalInterface
    public interface Call<T, R> {
        R call(T item) throws InterruptedException;
    }

    private BoundedCalls() {
    }

    /**
     * @param progress told how many items are done, of how many, as each finishes
     * @throws RuntimeException the first call's failure (a {@link GatewayException} as the call threw it)
     */
    public static <T, R> List<R> map(List<T> items, int concurrency, Call<T, R> call, BiConsumer<Integer, Integer> progress)
            throws InterruptedException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger done = new AtomicInteger();
        List<R> results = new ArrayList<>(items.size());
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = items.stream().map(item -> workers.submit(() -> {
                slots.acquire();
                try {
                    return call.call(item);
                } finally {
                    slots.release();
                    progress.accept(done.incrementAndGet(), items.size());
                }
            })).toList();
            try {
                for (Future<R> future : futures) {
                    results.add(future.get());
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                throw e;
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
        }
        return results;
    }
}

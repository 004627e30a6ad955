package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WeighedCacheTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void pastTheBudgetTheLeastRecentlyUsedGoUntilAQuarterIsFree() {
        WeighedCache<String, String> cache = new WeighedCache<>(1_000, clock::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            cache.put("v" + i, "value " + i, 200);
        }
        cache.get("v0"); // used again: now the most recent

        cache.put("v5", "value 5", 200);

        assertThat(cache.weight()).isLessThanOrEqualTo(750);
        assertThat(cache.get("v0")).isEqualTo("value 0");
        assertThat(cache.get("v5")).isEqualTo("value 5");
        assertThat(cache.get("v1")).isNull();
        assertThat(cache.get("v2")).isNull();
    }

    @Test
    void aValueOverAQuarterOfTheBudgetIsNotKeptAndReplacingOrRemovingKeepsTheWeightRight() {
        WeighedCache<String, String> cache = new WeighedCache<>(1_000, clock::incrementAndGet);
        cache.put("big", "too big", 251);
        assertThat(cache.get("big")).isNull();
        assertThat(cache.weight()).isZero();

        cache.put("a", "first", 100);
        cache.put("a", "second", 40);
        assertThat(cache.get("a")).isEqualTo("second");
        assertThat(cache.weight()).isEqualTo(40);
        cache.remove("a");
        cache.remove("never there");
        assertThat(cache.weight()).isZero();
        assertThat(cache.get("a")).isNull();
    }
}

package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StampedMemoTest {

    private final AtomicInteger loads = new AtomicInteger();

    private Optional<String> load(String value) {
        loads.incrementAndGet();
        return Optional.ofNullable(value);
    }

    @Test
    void aValueIsReadAgainOnlyWhenItsStampMoved() {
        StampedMemo<String, String> memo = new StampedMemo<>(10);
        assertThat(memo.get("k", 1, () -> load("a"))).contains("a");
        assertThat(memo.get("k", 1, () -> load("b"))).contains("a");
        assertThat(memo.get("k", 2, () -> load("b"))).contains("b");
        assertThat(loads).hasValue(2);
    }

    @Test
    void nothingFoundIsNotRememberedAndTheMemoryIsBounded() {
        StampedMemo<Integer, String> memo = new StampedMemo<>(3);
        assertThat(memo.get(0, 1, () -> load(null))).isEmpty();
        assertThat(memo.get(0, 1, () -> load("found"))).contains("found");
        for (int key = 1; key <= 5; key++) {
            int k = key;
            memo.get(k, 1, () -> load("v" + k));
        }
        int before = loads.get();
        assertThat(memo.get(0, 1, () -> load("again"))).as("forgotten once the memory started again")
                .contains("again");
        assertThat(loads.get()).isEqualTo(before + 1);
    }
}

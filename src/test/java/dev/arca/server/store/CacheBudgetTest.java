package dev.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CacheBudgetTest {

    private static final long MIB = 1L << 20;

    @Test
    void theCachesGrowWithTheHeapAndTogetherStayUnderAQuarterOfIt() {
        CacheBudget small = CacheBudget.forHeap(256 * MIB);
        CacheBudget usual = CacheBudget.forHeap(512 * MIB);

        assertThat(usual.documentBytes()).isEqualTo(32 * MIB).isEqualTo(2 * small.documentBytes());
        assertThat(usual.externalBytes()).isEqualTo(32 * MIB);
        assertThat(usual.smallBlobBytes()).isEqualTo(32 * MIB);
        assertThat(usual.lookups()).isEqualTo(8_192).isEqualTo(2 * small.lookups());
        for (CacheBudget budget : new CacheBudget[] {small, usual}) {
            long heap = budget == small ? 256 * MIB : 512 * MIB;
            long lookupBytes = (long) budget.lookups() * CacheBudget.LOOKUP_WEIGHT * CacheBudget.LOOKUP_MEMOS;
            assertThat(budget.documentBytes() + budget.externalBytes() + budget.smallBlobBytes() + lookupBytes)
                    .isLessThanOrEqualTo(heap / 4);
        }
    }

    @Test
    void tinyAndHugeHeapsAreHeldWithinBounds() {
        CacheBudget tiny = CacheBudget.forHeap(16 * MIB);
        CacheBudget huge = CacheBudget.forHeap(64L << 30);

        assertThat(tiny.documentBytes()).isEqualTo(CacheBudget.MIN_BYTES);
        assertThat(tiny.lookups()).isEqualTo(CacheBudget.MIN_LOOKUPS);
        assertThat(huge.documentBytes()).isEqualTo(CacheBudget.MAX_BYTES);
        assertThat(huge.lookups()).isEqualTo(CacheBudget.MAX_LOOKUPS);
        assertThat(CacheBudget.ofThisJvm()).isEqualTo(CacheBudget.forHeap(Runtime.getRuntime().maxMemory()));
        assertThatThrownBy(() -> new CacheBudget(-1, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

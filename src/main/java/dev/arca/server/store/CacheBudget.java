package dev.arca.server.store;

/**
 * How much the server's caches may hold, sized from the heap the JVM was given rather than fixed: rendered package
 * documents, answers from public registries and small decrypted assets each get a sixteenth of the heap (between
 * {@link #MIN_BYTES} and {@link #MAX_BYTES}), and every look-up memory ({@link StampedMemo}, checked tokens) as many
 * entries as another sixteenth holds at about {@link #LOOKUP_WEIGHT} bytes an entry across the {@link #LOOKUP_MEMOS}
 * of them. Together the caches stay under a quarter of the heap, however it was bounded.
 *
 * @param documentBytes bytes of rendered package documents
 * @param externalBytes bytes of public registries' answers
 * @param smallBlobBytes bytes of small assets kept decrypted
 * @param lookups       entries each look-up memory keeps
 */
public record CacheBudget(long documentBytes, long externalBytes, long smallBlobBytes, int lookups) {

    static final long MIN_BYTES = 4L << 20;
    static final long MAX_BYTES = 512L << 20;
    static final int LOOKUP_WEIGHT = 512;
    static final int LOOKUP_MEMOS = 8;
    static final int MIN_LOOKUPS = 1_000;
    static final int MAX_LOOKUPS = 200_000;

    public CacheBudget {
        if (documentBytes < 0 || externalBytes < 0 || smallBlobBytes < 0 || lookups < 1) {
            throw new IllegalArgumentException("cache sizes must not be negative, and a memory keeps at least 1 entry");
        }
    }

    /** The budget for a heap of at most {@code maxHeapBytes}. */
    public static CacheBudget forHeap(long maxHeapBytes) {
        long share = Math.clamp(maxHeapBytes / 16, MIN_BYTES, MAX_BYTES);
        int lookups = (int) Math.clamp(maxHeapBytes / 16 / ((long) LOOKUP_WEIGHT * LOOKUP_MEMOS), MIN_LOOKUPS,
                MAX_LOOKUPS);
        return new CacheBudget(share, share, share, lookups);
    }

    /** The budget for this JVM's heap bound ({@code -Xmx}, or the JVM's own default). */
    public static CacheBudget ofThisJvm() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }
}

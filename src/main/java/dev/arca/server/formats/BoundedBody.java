package dev.arca.server.formats;

import dev.arca.server.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A request body read under a byte budget, checked while it streams: reading past the budget fails with
 * {@link BlobStore.TooLargeException} (a 413) instead of buffering whatever a client sends. A reader can widen
 * the budget for the part it expects to be large — an attachment, up to the asset size limit — and narrow it
 * again afterwards, so the metadata around it stays small.
 */
public final class BoundedBody extends InputStream {

    private final InputStream in;
    private long budget;
    private long consumed;

    public BoundedBody(InputStream in, long budget) {
        this.in = Objects.requireNonNull(in);
        this.budget = budget;
    }

    /** Lets {@code more} bytes beyond the current budget be read. */
    public void allow(long more) {
        budget = Math.addExact(budget, more);
    }

    /** From here on, at most {@code more} bytes may be read. */
    public void limitTo(long more) {
        budget = consumed + Math.max(0, more);
    }

    /** Bytes read so far. */
    public long consumed() {
        return consumed;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (consumed >= budget) {
            if (in.read() < 0) {
                return -1;
            }
            throw new BlobStore.TooLargeException(budget);
        }
        int n = in.read(buffer, offset, (int) Math.min(length, budget - consumed));
        if (n > 0) {
            consumed += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

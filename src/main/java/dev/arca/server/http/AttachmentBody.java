package dev.arca.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/**
 * A download's body as a stream onto the response: each write hands the caller's array to Jetty as it is (no copy)
 * and waits until it is sent, and the write that completes the declared length is marked as the last, so a download
 * takes one round trip fewer than with a closing empty write. Closing before the length is reached ends the response
 * there: Jetty then sees it cut short of its Content-Length, the only honest signal once headers are gone.
 */
final class AttachmentBody extends OutputStream {

    private final Response response;
    private final Blocker.Shared blocker = new Blocker.Shared();
    private long remaining;
    private boolean ended;

    AttachmentBody(Response response, long length) {
        this.response = response;
        this.remaining = length;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (ended) {
            throw new IOException("the response is complete");
        }
        remaining -= length;
        send(remaining <= 0, ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            send(true, ByteBuffer.allocate(0));
        }
    }

    private void send(boolean last, ByteBuffer buffer) throws IOException {
        ended = last;
        try (Blocker.Callback callback = blocker.callback()) {
            response.write(last, buffer, callback);
            callback.block();
        }
    }
}

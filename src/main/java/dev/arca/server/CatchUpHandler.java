package dev.arca.server;

import dev.arca.server.store.MetadataStore;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Brings the store's change stamps up to date as each request arrives, before anything is read from a cache: with
 * several instances on one database, a request then sees every write acknowledged before it, whichever instance
 * acknowledged it ({@link MetadataStore#catchUp}).
 */
final class CatchUpHandler extends Handler.Wrapper {

    private final MetadataStore store;

    CatchUpHandler(MetadataStore store, Handler next) {
        super(next);
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        store.catchUp();
        return super.handle(request, response, callback);
    }
}

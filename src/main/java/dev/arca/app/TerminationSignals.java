package dev.arca.app;

import java.util.List;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly stop, so {@code arca server} finishes in-flight requests, releases
 * its data directory and exits with status 0 (service managers read 143 as a failure).
 */
final class TerminationSignals {

    private TerminationSignals() {
    }

    static void onTermination(Runnable action) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> action.run());
            } catch (IllegalArgumentException unsupported) {
                // Not on this platform (or reserved by the JVM): the shutdown hook still stops the server.
            }
        }
    }
}

package dev.arca.server.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.server.store.MetadataStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each package event, in order, to a configured URL as the JSON EventBridge would deliver. Delivery is at
 * least once: the last delivered sequence number is stored, a failed post is retried with backoff, and
 * receivers drop repeats by {@code detail.eventDeduplicationId}.
 */
public final class EventWebhook implements AutoCloseable {

    static final String DELIVERED_SETTING = "webhook-delivered-seq";
    private static final Logger LOG = LoggerFactory.getLogger(EventWebhook.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final MetadataStore store;
    private final PackageEvents events;
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore wake = new Semaphore(0);
    private final Thread sender;
    private volatile boolean closed;

    public EventWebhook(MetadataStore store, PackageEvents events, URI url) {
        this.store = Objects.requireNonNull(store);
        this.events = Objects.requireNonNull(events);
        this.url = Objects.requireNonNull(url);
        events.onAppended(wake::release);
        this.sender = Thread.ofVirtual().name("arca-webhook").start(this::run);
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (!closed) {
            try {
                long delivered = store.read(tx -> tx.settings().get(DELIVERED_SETTING)
                        .map(b -> Long.parseLong(new String(b, StandardCharsets.UTF_8))).orElse(0L));
                List<JsonNode> batch = events.read(delivered, Optional.empty(), Optional.empty(), 100);
                if (batch.isEmpty()) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                    continue;
                }
                for (JsonNode event : batch) {
                    post(event);
                    long seq = event.path("detail").path("sequenceNumber").asLong();
                    store.write(tx -> {
                        tx.settings().put(DELIVERED_SETTING, Long.toString(seq).getBytes(StandardCharsets.UTF_8));
                        return null;
                    });
                }
                backoff = Duration.ofSeconds(1);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Event webhook {} failed ({}); retrying in {} s", url, e.getMessage(), backoff.toSeconds());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void post(JsonNode event) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.toString().getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the receiver answered HTTP " + response.statusCode());
        }
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
    }
}

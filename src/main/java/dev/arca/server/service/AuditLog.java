package dev.arca.server.service;

import dev.arca.server.model.Records.AuditRow;
import dev.arca.server.store.AuditStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every API call (who, what, when, result). Calls are queued and written in batches by one
 * background thread, at most one commit per {@value #GATHER_MILLIS} ms while calls keep coming, so auditing a read
 * costs it neither a disk sync nor a commit of its own; a reader flushes first and so sees every call that has
 * completed.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 1000;
    /** How long the writer lets calls gather before a commit; a reader's flush waits about that long at most. */
    private static final long GATHER_MILLIS = 50;

    private final AuditStore store;
    private final BlockingQueue<AuditRow> pending = new LinkedBlockingQueue<>(100_000);
    private final ReentrantLock writing = new ReentrantLock(true);
    private final Thread writer;
    private volatile boolean closed;

    public AuditLog(AuditStore store) {
        this.store = Objects.requireNonNull(store);
        // A platform thread: SQLite's native calls would pin a virtual thread's carrier, which requests need.
        this.writer = Thread.ofPlatform().daemon().name("arca-audit").start(this::run);
    }

    /** Queues one call; waits only when a large backlog has built up. */
    public void record(AuditRow entry) {
        try {
            pending.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes everything queued so far. */
    public void flush() {
        writing.lock();
        try {
            List<AuditRow> batch = new ArrayList<>();
            while (pending.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    private void run() {
        while (!closed) {
            // Waiting and gathering hold the lock, so a reader's flush (next in line: the lock is fair) also waits
            // for the calls this writer has taken and not yet written.
            writing.lock();
            try {
                AuditRow first = pending.poll(GATHER_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                if (pending.size() < BATCH - 1) {
                    // Let a burst gather: under load one commit carries hundreds of calls instead of a handful.
                    Thread.sleep(GATHER_MILLIS);
                }
                List<AuditRow> batch = new ArrayList<>(List.of(first));
                pending.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not write audit entries: {}", e.getMessage());
            } finally {
                writing.unlock();
            }
        }
    }

    private void write(List<AuditRow> batch) {
        store.append(batch);
    }

    /** Entries after {@code afterSeq}, oldest first, including every call that has completed. */
    public List<AuditRow> read(long afterSeq, java.util.Optional<String> operation,
                               java.util.Optional<String> principal, int limit) {
        flush();
        return store.read(afterSeq, operation, principal, limit);
    }

    /** Stops the writer after writing what is queued. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        store.close();
    }
}

package dev.arca.server.store;

import dev.arca.server.model.Records.EventRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The package event log that webhooks and the activity feed read. */
public interface EventRecords {

    /** Appends an event; returns its sequence number, which grows with every event. */
    long append(Instant time, String domain, String repository, String body);

    /** Events after {@code afterSeq} in sequence order, of one domain and repository when given. */
    List<EventRow> after(long afterSeq, Optional<String> domain, Optional<String> repository, int limit);
}

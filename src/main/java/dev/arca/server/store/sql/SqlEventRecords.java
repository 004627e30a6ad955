package dev.arca.server.store.sql;

import dev.arca.server.model.Records.EventRow;
import dev.arca.server.store.EventRecords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link EventRecords} in table {@code event}. */
final class SqlEventRecords implements EventRecords {

    private final SqlSession sql;

    SqlEventRecords(SqlSession sql) {
        this.sql = sql;
    }

    @Override
    public long append(Instant time, String domain, String repository, String body) {
        return sql.insert("INSERT INTO event (time, domain, repository, body) VALUES (?, ?, ?, ?)", "seq", time,
                domain, repository, body);
    }

    @Override
    public List<EventRow> after(long afterSeq, Optional<String> domain, Optional<String> repository, int limit) {
        return sql.query("SELECT seq, time, domain, repository, body FROM event WHERE seq > ?"
                        + " AND (? IS NULL OR domain = ?) AND (? IS NULL OR repository = ?) ORDER BY seq LIMIT ?",
                rs -> new EventRow(rs.getLong(1), SqlSession.instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5)),
                afterSeq, domain, domain, repository, repository, limit);
    }
}

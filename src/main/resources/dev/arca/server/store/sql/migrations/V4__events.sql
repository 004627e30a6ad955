-- Package version state-change events, written in the transaction that made the change.
CREATE TABLE event (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    time       INTEGER NOT NULL,
    domain     TEXT NOT NULL,
    repository TEXT NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX event_repository ON event (domain, repository, seq);

-- Package version state-change events (written in the transaction that made the change) and the API audit log.
CREATE TABLE event (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    time       INTEGER NOT NULL,
    domain     TEXT NOT NULL,
    repository TEXT NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX event_repository ON event (domain, repository, seq);

CREATE TABLE audit (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    time         INTEGER NOT NULL,
    request_id   TEXT NOT NULL,
    principal    TEXT,
    operation    TEXT NOT NULL,
    resource     TEXT,
    status       INTEGER NOT NULL,
    error_type   TEXT,
    duration_ms  INTEGER NOT NULL
);
CREATE INDEX audit_operation ON audit (operation, seq);

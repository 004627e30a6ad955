-- The change clock kept with the data, so every process using the database tells the same time: `clock` moves at
-- each committed write that changed something; `structure` and `iam` hold the last tick that changed anything but
-- package contents, or IAM's principals; package_change the last tick that changed each package coordinate.
CREATE TABLE change_clock (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    clock     INTEGER NOT NULL,
    structure INTEGER NOT NULL,
    iam       INTEGER NOT NULL
);
INSERT INTO change_clock (id, clock, structure, iam) VALUES (1, 0, 0, 0);
CREATE TABLE package_change (
    format    TEXT    NOT NULL,
    namespace TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    stamp     INTEGER NOT NULL,
    PRIMARY KEY (format, namespace, name)
);
CREATE INDEX package_change_stamp ON package_change (stamp);

-- The change clock kept with the data, so every process using the database tells the same time: `clock` moves at
-- each committed write that changed something; `structure` and `iam` hold the last tick that changed anything but
-- package contents, or IAM's principals; package_change the last tick that changed each package coordinate. An
-- instance catches up on what others wrote by reading what moved past the last tick it saw.
CREATE TABLE change_clock (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    clock     BIGINT NOT NULL,
    structure BIGINT NOT NULL,
    iam       BIGINT NOT NULL
);
INSERT INTO change_clock (id, clock, structure, iam) VALUES (1, 0, 0, 0);
CREATE TABLE package_change (
    format    TEXT COLLATE "C" NOT NULL,
    namespace TEXT COLLATE "C" NOT NULL,
    name      TEXT COLLATE "C" NOT NULL,
    stamp     BIGINT NOT NULL,
    PRIMARY KEY (format, namespace, name)
);
CREATE INDEX package_change_stamp ON package_change (stamp);

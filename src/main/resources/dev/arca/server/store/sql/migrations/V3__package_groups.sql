-- Package groups: domain-scoped patterns carrying origin restrictions, with per-type allowed repositories.
CREATE TABLE package_group (
    id           INTEGER PRIMARY KEY,
    domain_id    INTEGER NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
    pattern      TEXT NOT NULL,
    description  TEXT,
    contact_info TEXT,
    created_time INTEGER NOT NULL,
    UNIQUE (domain_id, pattern)
);

CREATE TABLE package_group_restriction (
    group_id INTEGER NOT NULL REFERENCES package_group (id) ON DELETE CASCADE,
    type     TEXT NOT NULL,
    mode     TEXT NOT NULL,
    PRIMARY KEY (group_id, type)
);

CREATE TABLE package_group_allowed_repository (
    group_id        INTEGER NOT NULL REFERENCES package_group (id) ON DELETE CASCADE,
    type            TEXT NOT NULL,
    repository_name TEXT NOT NULL,
    PRIMARY KEY (group_id, type, repository_name)
);

-- Every domain has the root group /*, which allows every origin.
INSERT INTO package_group (domain_id, pattern, created_time) SELECT id, '/*', created_time FROM domain;

-- Control plane: domains, repositories, upstreams, external connections, policies, tags, local KMS keys.
CREATE TABLE setting (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE kms_key (
    key_id       TEXT PRIMARY KEY,
    arn          TEXT NOT NULL UNIQUE,
    account      TEXT NOT NULL,
    description  TEXT NOT NULL,
    aws_managed  INTEGER NOT NULL,
    created_time INTEGER NOT NULL,
    material     BLOB NOT NULL
);
CREATE INDEX kms_key_account ON kms_key (account, key_id);

CREATE TABLE kms_alias (
    account       TEXT NOT NULL,
    alias_name    TEXT NOT NULL,
    target_key_id TEXT NOT NULL REFERENCES kms_key (key_id),
    created_time  INTEGER NOT NULL,
    PRIMARY KEY (account, alias_name)
);

CREATE TABLE domain (
    id                 INTEGER PRIMARY KEY,
    owner              TEXT NOT NULL,
    name               TEXT NOT NULL,
    encryption_key_arn TEXT NOT NULL,
    created_time       INTEGER NOT NULL,
    UNIQUE (owner, name)
);

CREATE TABLE repository (
    id            INTEGER PRIMARY KEY,
    domain_id     INTEGER NOT NULL REFERENCES domain (id),
    name          TEXT NOT NULL,
    administrator TEXT NOT NULL,
    description   TEXT,
    created_time  INTEGER NOT NULL,
    UNIQUE (domain_id, name)
);
CREATE INDEX repository_administrator ON repository (administrator, name);

CREATE TABLE upstream (
    repository_id INTEGER NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    upstream_id   INTEGER NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
    PRIMARY KEY (repository_id, position)
);
CREATE INDEX upstream_target ON upstream (upstream_id);

CREATE TABLE external_connection (
    repository_id INTEGER PRIMARY KEY REFERENCES repository (id) ON DELETE CASCADE,
    name          TEXT NOT NULL
);

CREATE TABLE resource_policy (
    resource_arn TEXT PRIMARY KEY,
    document     TEXT NOT NULL,
    revision     TEXT NOT NULL
);

CREATE TABLE tag (
    resource_arn TEXT NOT NULL,
    key          TEXT NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (resource_arn, key)
);

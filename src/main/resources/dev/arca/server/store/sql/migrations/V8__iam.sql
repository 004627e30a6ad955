-- IAM principals per local account (IamStore). Names are unique per account regardless of case, as in IAM.
-- Secrets are sealed (AES-GCM) before they get here; session tokens are kept only as SHA-256 hashes.
CREATE TABLE iam_user (
    id         TEXT    NOT NULL PRIMARY KEY,
    account    TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    path       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX iam_user_name ON iam_user (account, name COLLATE NOCASE);
CREATE TABLE iam_access_key (
    id         TEXT    NOT NULL PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES iam_user (id),
    active     INTEGER NOT NULL,
    secret     BLOB    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX iam_access_key_user ON iam_access_key (user_id);
CREATE TABLE iam_role (
    id                   TEXT    NOT NULL PRIMARY KEY,
    account              TEXT    NOT NULL,
    name                 TEXT    NOT NULL,
    path                 TEXT    NOT NULL,
    description          TEXT,
    max_session_seconds  INTEGER NOT NULL,
    trust_policy         TEXT    NOT NULL,
    created_at           INTEGER NOT NULL
);
CREATE UNIQUE INDEX iam_role_name ON iam_role (account, name COLLATE NOCASE);
-- Inline policies of a user or a role, keyed by the principal's unique id.
CREATE TABLE iam_inline_policy (
    principal_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    document     TEXT NOT NULL,
    PRIMARY KEY (principal_id, name)
);
CREATE TABLE iam_session (
    access_key_id TEXT    NOT NULL PRIMARY KEY,
    role_id       TEXT    NOT NULL REFERENCES iam_role (id) ON DELETE CASCADE,
    session_name  TEXT    NOT NULL,
    secret        BLOB    NOT NULL,
    token_hash    BLOB    NOT NULL,
    expires_at    INTEGER NOT NULL
);
CREATE INDEX iam_session_role ON iam_session (role_id);

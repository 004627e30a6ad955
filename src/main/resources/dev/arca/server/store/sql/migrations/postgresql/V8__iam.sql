-- IAM principals per local account (IamStore). Names are unique per account regardless of case, as in IAM: the
-- index holds the name in lower case (ASCII only under COLLATE "C", like SQLite's NOCASE).
-- Secrets are sealed (AES-GCM) before they get here; session tokens are kept only as SHA-256 hashes.
CREATE TABLE iam_user (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    account    TEXT COLLATE "C" NOT NULL,
    name       TEXT COLLATE "C" NOT NULL,
    path       TEXT COLLATE "C" NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE UNIQUE INDEX iam_user_name ON iam_user (account, lower(name));
CREATE TABLE iam_access_key (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    user_id    TEXT COLLATE "C" NOT NULL REFERENCES iam_user (id),
    active     INTEGER NOT NULL,
    secret     BYTEA   NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX iam_access_key_user ON iam_access_key (user_id);
CREATE TABLE iam_role (
    id                   TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    account              TEXT COLLATE "C" NOT NULL,
    name                 TEXT COLLATE "C" NOT NULL,
    path                 TEXT COLLATE "C" NOT NULL,
    description          TEXT COLLATE "C",
    max_session_seconds  INTEGER NOT NULL,
    trust_policy         TEXT COLLATE "C" NOT NULL,
    created_at           BIGINT  NOT NULL
);
CREATE UNIQUE INDEX iam_role_name ON iam_role (account, lower(name));
-- Inline policies of a user or a role, keyed by the principal's unique id.
CREATE TABLE iam_inline_policy (
    principal_id TEXT COLLATE "C" NOT NULL,
    name         TEXT COLLATE "C" NOT NULL,
    document     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (principal_id, name)
);
CREATE TABLE iam_session (
    access_key_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    role_id       TEXT COLLATE "C" NOT NULL REFERENCES iam_role (id) ON DELETE CASCADE,
    session_name  TEXT COLLATE "C" NOT NULL,
    secret        BYTEA   NOT NULL,
    token_hash    BYTEA   NOT NULL,
    expires_at    BIGINT  NOT NULL
);
CREATE INDEX iam_session_role ON iam_session (role_id);

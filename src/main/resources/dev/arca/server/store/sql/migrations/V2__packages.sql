-- Packages, versions, assets and the per-domain content-addressed blobs they point at.
CREATE TABLE package (
    id            INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
    format        TEXT NOT NULL,
    namespace     TEXT NOT NULL,
    name          TEXT NOT NULL,
    publish       TEXT NOT NULL,
    upstream      TEXT NOT NULL,
    UNIQUE (repository_id, format, namespace, name)
);

CREATE TABLE package_version (
    id                     INTEGER PRIMARY KEY,
    package_id             INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,
    version                TEXT NOT NULL,
    status                 TEXT NOT NULL,
    revision               TEXT NOT NULL,
    published_time         INTEGER NOT NULL,
    origin_type            TEXT NOT NULL,
    origin_repository      TEXT,
    origin_external        TEXT,
    display_name           TEXT,
    summary                TEXT,
    home_page              TEXT,
    source_code_repository TEXT,
    licenses               TEXT,
    readme                 TEXT,
    UNIQUE (package_id, version)
);
CREATE INDEX package_version_published ON package_version (package_id, published_time, version);

CREATE TABLE blob (
    domain_id    INTEGER NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL,
    size         INTEGER NOT NULL,
    md5          TEXT NOT NULL,
    sha1         TEXT NOT NULL,
    sha512       TEXT NOT NULL,
    created_time INTEGER NOT NULL,
    PRIMARY KEY (domain_id, sha256)
);

CREATE TABLE asset (
    version_id INTEGER NOT NULL REFERENCES package_version (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    domain_id  INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    PRIMARY KEY (version_id, name),
    FOREIGN KEY (domain_id, sha256) REFERENCES blob (domain_id, sha256)
);
CREATE INDEX asset_blob ON asset (domain_id, sha256);

CREATE TABLE dependency (
    version_id          INTEGER NOT NULL REFERENCES package_version (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    namespace           TEXT,
    package             TEXT NOT NULL,
    dependency_type     TEXT,
    version_requirement TEXT,
    PRIMARY KEY (version_id, position)
);

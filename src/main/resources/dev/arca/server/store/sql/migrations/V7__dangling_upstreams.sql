-- A deleted repository stays named in its downstream repositories' upstream lists, as in CodeArtifact (whose
-- clients then hear "A repository referenced in your upstream graph no longer exists"): upstream_id becomes NULL
-- and upstream_name keeps the name until the list is changed.
CREATE TABLE upstream_named (
    repository_id INTEGER NOT NULL REFERENCES repository (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    upstream_id   INTEGER REFERENCES repository (id) ON DELETE SET NULL,
    upstream_name TEXT    NOT NULL,
    PRIMARY KEY (repository_id, position)
);
INSERT INTO upstream_named (repository_id, position, upstream_id, upstream_name)
    SELECT u.repository_id, u.position, u.upstream_id, r.name FROM upstream u JOIN repository r ON r.id = u.upstream_id;
DROP TABLE upstream;
ALTER TABLE upstream_named RENAME TO upstream;
CREATE INDEX upstream_target ON upstream (upstream_id);

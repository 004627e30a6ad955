-- A deleted repository stays named in its downstream repositories' upstream lists, as in CodeArtifact (whose
-- clients then hear "A repository referenced in your upstream graph no longer exists"): upstream_id becomes NULL
-- and upstream_name keeps the name until the list is changed.
ALTER TABLE upstream ADD COLUMN upstream_name TEXT COLLATE "C";
UPDATE upstream u SET upstream_name = r.name FROM repository r WHERE r.id = u.upstream_id;
ALTER TABLE upstream
    ALTER COLUMN upstream_name SET NOT NULL,
    ALTER COLUMN upstream_id DROP NOT NULL,
    DROP CONSTRAINT upstream_upstream_id_fkey,
    ADD CONSTRAINT upstream_upstream_id_fkey FOREIGN KEY (upstream_id) REFERENCES repository (id) ON DELETE SET NULL;

-- What package clients need beyond the generic model: each version's own manifest as its format writes it
-- (npm's package.json as published, with dist fields filled in when served) and package-level tags (npm dist-tags).
ALTER TABLE package_version ADD COLUMN manifest TEXT COLLATE "C";

CREATE TABLE package_tag (
    package_id BIGINT NOT NULL REFERENCES package (id) ON DELETE CASCADE,
    tag        TEXT COLLATE "C" NOT NULL,
    version    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (package_id, tag)
);

-- ListPackages filtered by name prefix alone (no format) walks this index instead of every package.
CREATE INDEX package_name ON package (repository_id, name);

-- The zone list's default order (lower(name), id) read from an index: a page of 50 reads 50
-- index entries instead of joining and sorting every zone of the organization.
CREATE INDEX zones_org_lower_name_idx ON zones (org_id, lower(name), id);

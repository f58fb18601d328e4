-- A finding's row is about 2 KB on the import benchmark's SARIF files, so PostgreSQL compresses
-- its largest values (evidence, description, mitigation) as it writes them. With the default
-- pglz that compression was the largest single cost of a first import on the server (measured:
-- 200,000 findings in 17.8 s with pglz, 15.0 s with lz4). lz4 is used where the server is
-- built with it (Debian's and the official images are); elsewhere, and on PGlite, whose build
-- has pglz only, nothing changes. Values already stored keep their compression until rewritten.
DO $$
BEGIN
  IF 'lz4' = ANY ((SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression')::text[]) THEN
    ALTER TABLE findings ALTER COLUMN evidence SET COMPRESSION lz4, ALTER COLUMN description SET COMPRESSION lz4, ALTER COLUMN mitigation SET COMPRESSION lz4; END IF; END
$$;

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (TypeORM cannot declare triggers): the word prefixes of every file's names, for
 * the name search. One row per distinct (prefix of 3 to 6 letters of a name word, file), keyed by
 * (prefix, sort_name, file): a prefix's files come out of the primary key already in name order,
 * so a search page is a short index read instead of a visit to every matching file, and a count
 * reads the index alone. `applicant_file.name_words` stays the source: a trigger keeps these rows
 * in step on every insert, update of the names and delete (no foreign key: the trigger removes
 * the rows of a deleted file, and a cascade would need a second index on this large table).
 */
export class NamePrefixes1795718400000 implements MigrationInterface {
  name = 'NamePrefixes1795718400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "applicant_file_name_prefix" ("prefix" text NOT NULL, "sort_name" text NOT NULL, "applicant_file_id" uuid NOT NULL)`,
    );
    await queryRunner.query(`CREATE FUNCTION applicant_file_name_prefixes(words text[]) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT left(word, n) FROM unnest(words) AS word, generate_series(3, 6) AS n WHERE length(word) >= n
$$`);
    // Existing files first, then the key: much faster than maintaining it row by row.
    await queryRunner.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await queryRunner.query(
      `INSERT INTO "applicant_file_name_prefix" ("prefix", "sort_name", "applicant_file_id")
       SELECT p, f.sort_name, f.id FROM applicant_file f, applicant_file_name_prefixes(f.name_words) AS p`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant_file_name_prefix" ADD CONSTRAINT "PK_applicant_file_name_prefix" PRIMARY KEY ("prefix", "sort_name", "applicant_file_id")`,
    );
    await queryRunner.query(`CREATE FUNCTION applicant_file_name_prefix_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.name_words IS NOT DISTINCT FROM OLD.name_words
     AND NEW.sort_name IS NOT DISTINCT FROM OLD.sort_name THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM applicant_file_name_prefix
     WHERE prefix IN (SELECT applicant_file_name_prefixes(OLD.name_words))
       AND sort_name = OLD.sort_name AND applicant_file_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO applicant_file_name_prefix (prefix, sort_name, applicant_file_id)
    SELECT p, NEW.sort_name, NEW.id FROM applicant_file_name_prefixes(NEW.name_words) AS p;
  END IF;
  RETURN NULL;
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER applicant_file_name_prefix_sync AFTER INSERT OR UPDATE OF name_words, sort_name OR DELETE ON "applicant_file" FOR EACH ROW EXECUTE FUNCTION applicant_file_name_prefix_sync()`,
    );
    await queryRunner.query(`CREATE FUNCTION applicant_file_name_prefix_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE applicant_file_name_prefix;
  RETURN NULL;
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER applicant_file_name_prefix_truncate AFTER TRUNCATE ON "applicant_file" FOR EACH STATEMENT EXECUTE FUNCTION applicant_file_name_prefix_truncate()`,
    );
    // ALWAYS: bulk loaders write files with `session_replication_role = replica` (foreign keys
    // checked once at the end), which would otherwise skip these triggers and leave files unfindable.
    await queryRunner.query(
      `ALTER TABLE "applicant_file" ENABLE ALWAYS TRIGGER applicant_file_name_prefix_sync`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant_file" ENABLE ALWAYS TRIGGER applicant_file_name_prefix_truncate`,
    );
    await queryRunner.query(`ANALYZE "applicant_file_name_prefix"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER applicant_file_name_prefix_truncate ON "applicant_file"`);
    await queryRunner.query(`DROP FUNCTION applicant_file_name_prefix_truncate()`);
    await queryRunner.query(`DROP TRIGGER applicant_file_name_prefix_sync ON "applicant_file"`);
    await queryRunner.query(`DROP FUNCTION applicant_file_name_prefix_sync()`);
    await queryRunner.query(`DROP TABLE "applicant_file_name_prefix"`);
    await queryRunner.query(`DROP FUNCTION applicant_file_name_prefixes(text[])`);
  }
}

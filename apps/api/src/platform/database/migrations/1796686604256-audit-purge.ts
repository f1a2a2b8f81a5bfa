import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the twelve-month purge of the access log as a function that runs as its owner
 * (SECURITY DEFINER), so that the API's runtime role needs no DELETE on audit_entry at all. It
 * takes no argument: it can remove nothing younger than the retention. Only the roles it is
 * granted to may call it (the runtime role, by the API's grants after migrating).
 */
export class AuditPurge1796686604256 implements MigrationInterface {
  name = 'AuditPurge1796686604256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION audit_entry_purge() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  removed integer;
BEGIN
  PERFORM set_config('passerelle.audit_purge', 'on', true);
  DELETE FROM public.audit_entry WHERE at < now() - interval '12 months';
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('passerelle.audit_purge', 'off', true);
  RETURN removed;
END
$$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION audit_entry_purge() FROM PUBLIC`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_entry_purge()`);
  }
}

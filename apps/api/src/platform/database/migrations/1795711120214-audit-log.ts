import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795711120214 implements MigrationInterface {
  name = 'AuditLog1795711120214';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "username" character varying(128), "organization_id" uuid, "applicant_file_id" uuid, "action" character varying(16) NOT NULL, "route" character varying(200) NOT NULL, CONSTRAINT "CHK_audit_entry_action" CHECK ("action" IN ('READ', 'CREATE', 'UPDATE', 'LIFECYCLE', 'DOWNLOAD', 'EXPORT', 'LOGIN', 'LOGIN_FAILED', 'ADMIN')), CONSTRAINT "PK_audit_entry" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_user_at" ON "audit_entry"  ("user_id", "at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entry_file_at" ON "audit_entry"  ("applicant_file_id", "at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_at" ON "audit_entry"  ("at") `);
    // Hand-written: the log can only grow. UPDATE is always refused; DELETE only by the retention
    // purge (which sets passerelle.audit_purge for its transaction) and only for entries older than 12 months.
    await queryRunner.query(`CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('passerelle.audit_purge', true) = 'on'
     AND OLD.at < now() - interval '12 months' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_entry_no_truncate ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER audit_entry_append_only ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_file_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_user_at"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}

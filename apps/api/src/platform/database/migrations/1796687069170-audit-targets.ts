import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTargets1796687069170 implements MigrationInterface {
  name = 'AuditTargets1796687069170';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "request_id" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "client_address" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "target_type" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "target_id" uuid`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "changed_fields" jsonb`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entry_target_at" ON "audit_entry"  ("target_id", "at") WHERE "target_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_target" CHECK (("target_type" IS NULL AND "target_id" IS NULL) OR ("target_type" IN ('USER', 'ORGANIZATION') AND "target_id" IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_target_at"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "changed_fields"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "target_id"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "target_type"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "client_address"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "request_id"`);
  }
}

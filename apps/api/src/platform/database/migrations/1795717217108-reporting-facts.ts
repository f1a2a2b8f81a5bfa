import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: the columns the renewal and waiting-time indicators read from the file summary,
 * with covering indexes (INCLUDE, partial: TypeORM cannot declare them), and the referral and
 * reception-request summaries.
 * The file summary is emptied: the reporting job rebuilds it on its next run.
 */
export class ReportingFacts1795717217108 implements MigrationInterface {
  name = 'ReportingFacts1795717217108';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "reporting_file_fact"`);
    await queryRunner.query(`DELETE FROM "reporting_summary_state"`);
    await queryRunner.query(`ALTER TABLE "reporting_file_fact" ADD "status" character varying(16) NOT NULL`);
    await queryRunner.query(`ALTER TABLE "reporting_file_fact" ADD "closure_reason" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "reporting_file_fact" ADD "closed_on" date`);
    await queryRunner.query(`ALTER TABLE "reporting_file_fact" ADD "seniority_date" date`);
    await queryRunner.query(`ALTER TABLE "reporting_file_fact" ADD "renewal_due_on" date`);
    await queryRunner.query(
      `ALTER TABLE "reporting_file_fact" ADD "wished_communes" character varying array NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reporting_file_fact_closure" ON "reporting_file_fact" ("closure_reason", "closed_on") INCLUDE ("seniority_date", "entry_organization_id", "wished_typologies", "wished_communes") WHERE "closed_on" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reporting_file_fact_renewal_due_on" ON "reporting_file_fact" ("renewal_due_on") INCLUDE ("applicant_file_id", "entry_organization_id") WHERE "status" IN ('REGISTERED', 'RENEWAL_DUE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "reporting_referral_fact" ("referral_id" uuid NOT NULL, "sent_on" date NOT NULL, "from_organization_id" uuid NOT NULL, "to_organization_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "answered_days" integer, "done_days" integer, CONSTRAINT "PK_reporting_referral_fact" PRIMARY KEY ("referral_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reporting_referral_fact_sent_on" ON "reporting_referral_fact" ("sent_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "reporting_referral_fact" ADD CONSTRAINT "FK_reporting_referral_fact_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "reporting_reception_fact" ("reception_request_id" uuid NOT NULL, "requested_on" date NOT NULL, "deadline" date NOT NULL, "recorded_by_organization_id" uuid NOT NULL, "honoured_on" date, "state" character varying(8) NOT NULL, "days_late" integer, "measured_on" date NOT NULL, CONSTRAINT "PK_reporting_reception_fact" PRIMARY KEY ("reception_request_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reporting_reception_fact_requested_on" ON "reporting_reception_fact" ("requested_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "reporting_reception_fact" ADD CONSTRAINT "FK_reporting_reception_fact_reception_request" FOREIGN KEY ("reception_request_id") REFERENCES "reception_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reporting_reception_fact" DROP CONSTRAINT "FK_reporting_reception_fact_reception_request"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_reporting_reception_fact_requested_on"`);
    await queryRunner.query(`DROP TABLE "reporting_reception_fact"`);
    await queryRunner.query(
      `ALTER TABLE "reporting_referral_fact" DROP CONSTRAINT "FK_reporting_referral_fact_referral"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_reporting_referral_fact_sent_on"`);
    await queryRunner.query(`DROP TABLE "reporting_referral_fact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reporting_file_fact_renewal_due_on"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reporting_file_fact_closure"`);
    await queryRunner.query(`DELETE FROM "reporting_file_fact"`);
    await queryRunner.query(`DELETE FROM "reporting_summary_state"`);
    for (const column of [
      'wished_communes',
      'renewal_due_on',
      'seniority_date',
      'closed_on',
      'closure_reason',
      'status',
    ]) {
      await queryRunner.query(`ALTER TABLE "reporting_file_fact" DROP COLUMN "${column}"`);
    }
  }
}

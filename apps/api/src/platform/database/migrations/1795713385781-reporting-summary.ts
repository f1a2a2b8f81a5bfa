import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (the generator is shared): the renewal reminders, and the summary tables behind
 * the steering indicators (see apps/api/src/app/reporting/reporting-summary.entities.ts), which the
 * reporting job fills. The summary is derived data: emptying it only makes the job rebuild it.
 */
export class ReportingSummary1795713385781 implements MigrationInterface {
  name = 'ReportingSummary1795713385781';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "renewal_reminder" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_file_id" uuid NOT NULL, "renewal_due_on" date NOT NULL, "reminded_on" date NOT NULL, "reminded_by_user_id" uuid NOT NULL, "reminded_by_organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_renewal_reminder" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_renewal_reminder_file_due" ON "renewal_reminder" ("applicant_file_id", "renewal_due_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reporting_file_fact" ("applicant_file_id" uuid NOT NULL, "entry_organization_id" uuid NOT NULL, "insee_code" character varying(5) NOT NULL, "wished_typologies" character varying array NOT NULL, "created_on" date NOT NULL, "registered_from" date, "renewal_due_from" date, "closed_from" date, CONSTRAINT "PK_reporting_file_fact" PRIMARY KEY ("applicant_file_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reporting_file_flow" ("day" date NOT NULL, "entry_organization_id" uuid NOT NULL, "dimension" character varying(16) NOT NULL, "key" character varying(16) NOT NULL, "measure" character varying(16) NOT NULL, "files" integer NOT NULL, CONSTRAINT "CHK_reporting_file_flow_measure" CHECK ("measure" IN ('CREATED', 'CONTACT', 'REGISTERED', 'RENEWAL_DUE', 'CLOSED')), CONSTRAINT "CHK_reporting_file_flow_dimension" CHECK ("dimension" IN ('COMMUNE', 'TYPOLOGY')), CONSTRAINT "PK_reporting_file_flow" PRIMARY KEY ("day", "entry_organization_id", "dimension", "key", "measure"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reporting_file_checkpoint" ("month" date NOT NULL, "entry_organization_id" uuid NOT NULL, "dimension" character varying(16) NOT NULL, "key" character varying(16) NOT NULL, "measure" character varying(16) NOT NULL, "files" integer NOT NULL, CONSTRAINT "CHK_reporting_file_checkpoint_measure" CHECK ("measure" IN ('CREATED', 'CONTACT', 'REGISTERED', 'RENEWAL_DUE', 'CLOSED')), CONSTRAINT "CHK_reporting_file_checkpoint_dimension" CHECK ("dimension" IN ('COMMUNE', 'TYPOLOGY')), CONSTRAINT "PK_reporting_file_checkpoint" PRIMARY KEY ("month", "entry_organization_id", "dimension", "key", "measure"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reporting_document_snapshot" ("day" date NOT NULL, "entry_organization_id" uuid NOT NULL, "registered_files" integer NOT NULL, "registration_complete" integer NOT NULL, "instruction_complete" integer NOT NULL, CONSTRAINT "PK_reporting_document_snapshot" PRIMARY KEY ("day", "entry_organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reporting_summary_state" ("name" character varying(32) NOT NULL, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "watermark" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_reporting_summary_state" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "renewal_reminder" ADD CONSTRAINT "FK_renewal_reminder_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "renewal_reminder" ADD CONSTRAINT "FK_renewal_reminder_reminded_by_user" FOREIGN KEY ("reminded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "renewal_reminder" ADD CONSTRAINT "FK_renewal_reminder_reminded_by_organization" FOREIGN KEY ("reminded_by_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reporting_file_fact" ADD CONSTRAINT "FK_reporting_file_fact_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reporting_file_fact" DROP CONSTRAINT "FK_reporting_file_fact_file"`,
    );
    await queryRunner.query(
      `ALTER TABLE "renewal_reminder" DROP CONSTRAINT "FK_renewal_reminder_reminded_by_organization"`,
    );
    await queryRunner.query(
      `ALTER TABLE "renewal_reminder" DROP CONSTRAINT "FK_renewal_reminder_reminded_by_user"`,
    );
    await queryRunner.query(`ALTER TABLE "renewal_reminder" DROP CONSTRAINT "FK_renewal_reminder_file"`);
    await queryRunner.query(`DROP TABLE "reporting_summary_state"`);
    await queryRunner.query(`DROP TABLE "reporting_document_snapshot"`);
    await queryRunner.query(`DROP TABLE "reporting_file_checkpoint"`);
    await queryRunner.query(`DROP TABLE "reporting_file_flow"`);
    await queryRunner.query(`DROP TABLE "reporting_file_fact"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_renewal_reminder_file_due"`);
    await queryRunner.query(`DROP TABLE "renewal_reminder"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseWork1795710810564 implements MigrationInterface {
  name = 'CaseWork1795710810564';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evaluation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_file_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "notes" text NOT NULL, "diagnosis" jsonb, "author_user_id" uuid NOT NULL, "author_organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_evaluation_kind" CHECK ("kind" IN ('HOUSING_PROJECT', 'SOCIAL')), CONSTRAINT "PK_evaluation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_evaluation_file_created_at" ON "evaluation"  ("applicant_file_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "fragility_criterion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "version" character varying(32) NOT NULL, "current" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_fragility_criterion" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_fragility_criterion_code_version" ON "fragility_criterion"  ("code", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "fragility_flag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_file_id" uuid NOT NULL, "criterion_id" uuid NOT NULL, "criterion" character varying(64) NOT NULL, "status" character varying(16) NOT NULL, "suspicion_note" text, "suspected_by_user_id" uuid NOT NULL, "suspected_by_organization_id" uuid NOT NULL, "suspected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "referral_id" uuid, "decision_note" text, "decided_on" date, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_fragility_flag_decision" CHECK (("status" = 'SUSPECTED') = ("decided_on" IS NULL)), CONSTRAINT "CHK_fragility_flag_status" CHECK ("status" IN ('SUSPECTED', 'CONFIRMED', 'RULED_OUT')), CONSTRAINT "PK_fragility_flag" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fragility_flag_file" ON "fragility_flag"  ("applicant_file_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "supporting_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_file_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "person_id" character varying(36), "status" character varying(16) NOT NULL DEFAULT 'PROVIDED', "status_reason" text, "sensitive" boolean NOT NULL, "valid_until" date, "storage_key" character varying(80) NOT NULL, "file_name" character varying(160) NOT NULL, "media_type" character varying(40) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by_user_id" uuid NOT NULL, "uploaded_by_organization_id" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "checked_by_user_id" uuid, "checked_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_supporting_document_status" CHECK ("status" IN ('PROVIDED', 'VERIFIED', 'UNUSABLE', 'OUT_OF_SCOPE', 'OBSOLETE')), CONSTRAINT "CHK_supporting_document_type" CHECK ("type" IN ('IDENTITY', 'RESIDENCE_PERMIT', 'TAX_NOTICE', 'FAMILY_RECORD', 'PACS_CERTIFICATE', 'SEPARATION_DECISION', 'BIRTH_CERTIFICATE', 'PREGNANCY_CERTIFICATE', 'EMPLOYMENT_CONTRACT', 'STUDENT_CARD', 'SELF_EMPLOYED_ACCOUNTS', 'PAYSLIPS', 'BENEFIT_NOTICE', 'LEASE_OR_RENT_RECEIPTS', 'HOSTING_CERTIFICATE', 'DOMICILIATION_CERTIFICATE', 'EVICTION_DOCUMENT', 'UNFIT_HOUSING_DOCUMENT', 'PROTECTION_ORDER', 'DISABILITY_DECISION', 'MEDICAL_CERTIFICATE', 'OTHER_REASON_PROOF')), CONSTRAINT "PK_supporting_document" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_supporting_document_storage_key" ON "supporting_document"  ("storage_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_supporting_document_file" ON "supporting_document"  ("applicant_file_id", "uploaded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "referral" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_file_id" uuid NOT NULL, "from_organization_id" uuid NOT NULL, "from_user_id" uuid NOT NULL, "to_organization_id" uuid NOT NULL, "reason" text NOT NULL, "suspected_criteria" character varying array NOT NULL DEFAULT '{}', "appointment_wish" text, "status" character varying(16) NOT NULL DEFAULT 'SENT', "decline_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "responded_at" TIMESTAMP WITH TIME ZONE, "responded_by_user_id" uuid, "done_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_referral_other_organization" CHECK ("from_organization_id" <> "to_organization_id"), CONSTRAINT "CHK_referral_declined" CHECK ("status" <> 'DECLINED' OR "decline_reason" IS NOT NULL), CONSTRAINT "CHK_referral_status" CHECK ("status" IN ('SENT', 'ACCEPTED', 'DECLINED', 'DONE')), CONSTRAINT "PK_referral" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_referral_file" ON "referral"  ("applicant_file_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_referral_from_created" ON "referral"  ("from_organization_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_referral_to_status_created" ON "referral"  ("to_organization_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "appointment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "agent_user_id" uuid, "applicant_file_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "outcome" character varying(16), "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_appointment_duration" CHECK ("duration_minutes" BETWEEN 5 AND 480), CONSTRAINT "CHK_appointment_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('HONOURED', 'MISSED', 'CANCELLED')), CONSTRAINT "PK_appointment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_appointment_file_starts_at" ON "appointment"  ("applicant_file_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_appointment_organization_starts_at" ON "appointment"  ("organization_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "walk_in_slot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "iso_weekday" smallint NOT NULL, "starts_at" TIME NOT NULL, "ends_at" TIME NOT NULL, CONSTRAINT "CHK_walk_in_slot_times" CHECK ("starts_at" < "ends_at"), CONSTRAINT "CHK_walk_in_slot_weekday" CHECK ("iso_weekday" BETWEEN 1 AND 7), CONSTRAINT "PK_walk_in_slot" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_walk_in_slot_organization" ON "walk_in_slot"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reception_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_file_id" uuid NOT NULL, "requested_on" date NOT NULL, "deadline" date NOT NULL, "recorded_by_user_id" uuid NOT NULL, "recorded_by_organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_reception_request" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reception_request_requested_on" ON "reception_request"  ("requested_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_reception_request_file" ON "reception_request"  ("applicant_file_id", "requested_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "FK_evaluation_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "FK_evaluation_author_user" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "FK_evaluation_author_organization" FOREIGN KEY ("author_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fragility_flag" ADD CONSTRAINT "FK_fragility_flag_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fragility_flag" ADD CONSTRAINT "FK_fragility_flag_criterion" FOREIGN KEY ("criterion_id") REFERENCES "fragility_criterion"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fragility_flag" ADD CONSTRAINT "FK_fragility_flag_suspected_by_user" FOREIGN KEY ("suspected_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fragility_flag" ADD CONSTRAINT "FK_fragility_flag_suspected_by_organization" FOREIGN KEY ("suspected_by_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fragility_flag" ADD CONSTRAINT "FK_fragility_flag_decided_by_user" FOREIGN KEY ("decided_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supporting_document" ADD CONSTRAINT "FK_supporting_document_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supporting_document" ADD CONSTRAINT "FK_supporting_document_uploaded_by_user" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supporting_document" ADD CONSTRAINT "FK_supporting_document_uploaded_by_organization" FOREIGN KEY ("uploaded_by_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supporting_document" ADD CONSTRAINT "FK_supporting_document_checked_by_user" FOREIGN KEY ("checked_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_from_organization" FOREIGN KEY ("from_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_from_user" FOREIGN KEY ("from_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_to_organization" FOREIGN KEY ("to_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "FK_referral_responded_by_user" FOREIGN KEY ("responded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "FK_appointment_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "FK_appointment_agent_user" FOREIGN KEY ("agent_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "FK_appointment_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "FK_appointment_created_by_user" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "walk_in_slot" ADD CONSTRAINT "FK_walk_in_slot_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reception_request" ADD CONSTRAINT "FK_reception_request_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reception_request" ADD CONSTRAINT "FK_reception_request_recorded_by_user" FOREIGN KEY ("recorded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reception_request" ADD CONSTRAINT "FK_reception_request_recorded_by_organization" FOREIGN KEY ("recorded_by_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reception_request" DROP CONSTRAINT "FK_reception_request_recorded_by_organization"`,
    );
    await queryRunner.query(
      `ALTER TABLE "reception_request" DROP CONSTRAINT "FK_reception_request_recorded_by_user"`,
    );
    await queryRunner.query(`ALTER TABLE "reception_request" DROP CONSTRAINT "FK_reception_request_file"`);
    await queryRunner.query(`ALTER TABLE "walk_in_slot" DROP CONSTRAINT "FK_walk_in_slot_organization"`);
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "FK_appointment_created_by_user"`);
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "FK_appointment_file"`);
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "FK_appointment_agent_user"`);
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "FK_appointment_organization"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_responded_by_user"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_to_organization"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_from_user"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_from_organization"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "FK_referral_file"`);
    await queryRunner.query(
      `ALTER TABLE "supporting_document" DROP CONSTRAINT "FK_supporting_document_checked_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "supporting_document" DROP CONSTRAINT "FK_supporting_document_uploaded_by_organization"`,
    );
    await queryRunner.query(
      `ALTER TABLE "supporting_document" DROP CONSTRAINT "FK_supporting_document_uploaded_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "supporting_document" DROP CONSTRAINT "FK_supporting_document_file"`,
    );
    await queryRunner.query(
      `ALTER TABLE "fragility_flag" DROP CONSTRAINT "FK_fragility_flag_decided_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "fragility_flag" DROP CONSTRAINT "FK_fragility_flag_suspected_by_organization"`,
    );
    await queryRunner.query(
      `ALTER TABLE "fragility_flag" DROP CONSTRAINT "FK_fragility_flag_suspected_by_user"`,
    );
    await queryRunner.query(`ALTER TABLE "fragility_flag" DROP CONSTRAINT "FK_fragility_flag_criterion"`);
    await queryRunner.query(`ALTER TABLE "fragility_flag" DROP CONSTRAINT "FK_fragility_flag_file"`);
    await queryRunner.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "FK_evaluation_author_organization"`);
    await queryRunner.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "FK_evaluation_author_user"`);
    await queryRunner.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "FK_evaluation_file"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reception_request_file"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_reception_request_requested_on"`);
    await queryRunner.query(`DROP TABLE "reception_request"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_walk_in_slot_organization"`);
    await queryRunner.query(`DROP TABLE "walk_in_slot"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_appointment_organization_starts_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_appointment_file_starts_at"`);
    await queryRunner.query(`DROP TABLE "appointment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_referral_to_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_referral_from_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_referral_file"`);
    await queryRunner.query(`DROP TABLE "referral"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_supporting_document_file"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_supporting_document_storage_key"`);
    await queryRunner.query(`DROP TABLE "supporting_document"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fragility_flag_file"`);
    await queryRunner.query(`DROP TABLE "fragility_flag"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_fragility_criterion_code_version"`);
    await queryRunner.query(`DROP TABLE "fragility_criterion"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evaluation_file_created_at"`);
    await queryRunner.query(`DROP TABLE "evaluation"`);
  }
}

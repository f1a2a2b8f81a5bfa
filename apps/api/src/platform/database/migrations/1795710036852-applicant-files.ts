import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicantFiles1795710036852 implements MigrationInterface {
  name = 'ApplicantFiles1795710036852';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "applicant_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "status" character varying(16) NOT NULL, "sne_number" character varying(20), "registered_on" date, "last_renewed_on" date, "renewal_due_on" date, "seniority_date" date, "closure_reason" character varying(16), "closed_on" date, "kept_file_id" uuid, "content" jsonb NOT NULL, "sort_name" text NOT NULL, "birth_date" date NOT NULL, "co_applicant_birth_date" date, "insee_code" character varying(5), "wished_typologies" character varying array NOT NULL DEFAULT '{}', "wished_communes" character varying array NOT NULL DEFAULT '{}', "name_words" text array NOT NULL DEFAULT '{}', "name_search" tsvector, "priority_criteria" character varying array NOT NULL DEFAULT '{}', "created_by_organization_id" uuid NOT NULL, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_applicant_file_registered" CHECK ("status" = 'CONTACT' OR "closure_reason" IS NOT NULL OR "sne_number" IS NOT NULL), CONSTRAINT "CHK_applicant_file_closed" CHECK (("status" = 'CLOSED') = ("closure_reason" IS NOT NULL AND "closed_on" IS NOT NULL)), CONSTRAINT "CHK_applicant_file_closure_reason" CHECK ("closure_reason" IS NULL OR "closure_reason" IN ('HOUSED', 'WITHDRAWN', 'NO_REPLY', 'INELIGIBLE', 'NOT_RENEWED', 'MERGED')), CONSTRAINT "CHK_applicant_file_status" CHECK ("status" IN ('CONTACT', 'REGISTERED', 'RENEWAL_DUE', 'CLOSED')), CONSTRAINT "PK_applicant_file" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_closed_on" ON "applicant_file"  ("closed_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_created_by_organization" ON "applicant_file"  ("created_by_organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_sort_name" ON "applicant_file"  ("sort_name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_renewal_due_on" ON "applicant_file"  ("renewal_due_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_insee_code" ON "applicant_file"  ("insee_code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_co_applicant_birth_date" ON "applicant_file"  ("co_applicant_birth_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_birth_date" ON "applicant_file"  ("birth_date") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_status_updated_at" ON "applicant_file"  ("status", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_updated_at" ON "applicant_file"  ("updated_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_applicant_file_sne_number" ON "applicant_file"  ("sne_number") `,
    );
    // Hand-written: operator classes TypeORM cannot declare (entity indexes marked synchronize: false).
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_name_search" ON "applicant_file" USING gin ("name_search")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_wished_typologies" ON "applicant_file" USING gin ("wished_typologies")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_sne_number_prefix" ON "applicant_file" ("sne_number" varchar_pattern_ops)`,
    );
    await queryRunner.query(
      `CREATE TABLE "file_organization" ("applicant_file_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "link" character varying(24) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_file_organization_link" CHECK ("link" IN ('CREATED', 'REFERRAL_SENT', 'REFERRAL_RECEIVED')), CONSTRAINT "PK_file_organization" PRIMARY KEY ("applicant_file_id", "organization_id", "link"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_file_organization_organization" ON "file_organization"  ("organization_id", "applicant_file_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "timeline_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_file_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(40) NOT NULL, "actor_user_id" uuid, "actor_organization_id" uuid, "changes" jsonb, "details" jsonb, "visibility" character varying(16) NOT NULL DEFAULT 'ALL', CONSTRAINT "CHK_timeline_event_visibility" CHECK ("visibility" IN ('ALL', 'REFERRAL', 'SOCIAL')), CONSTRAINT "PK_timeline_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_timeline_event_file_occurred_at" ON "timeline_event"  ("applicant_file_id", "occurred_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant_file" ADD CONSTRAINT "FK_applicant_file_kept_file" FOREIGN KEY ("kept_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant_file" ADD CONSTRAINT "FK_applicant_file_created_by_organization" FOREIGN KEY ("created_by_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant_file" ADD CONSTRAINT "FK_applicant_file_created_by_user" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_organization" ADD CONSTRAINT "FK_file_organization_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_organization" ADD CONSTRAINT "FK_file_organization_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "timeline_event" ADD CONSTRAINT "FK_timeline_event_file" FOREIGN KEY ("applicant_file_id") REFERENCES "applicant_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "timeline_event" ADD CONSTRAINT "FK_timeline_event_actor_user" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "timeline_event" ADD CONSTRAINT "FK_timeline_event_actor_organization" FOREIGN KEY ("actor_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "timeline_event" DROP CONSTRAINT "FK_timeline_event_actor_organization"`,
    );
    await queryRunner.query(`ALTER TABLE "timeline_event" DROP CONSTRAINT "FK_timeline_event_actor_user"`);
    await queryRunner.query(`ALTER TABLE "timeline_event" DROP CONSTRAINT "FK_timeline_event_file"`);
    await queryRunner.query(
      `ALTER TABLE "file_organization" DROP CONSTRAINT "FK_file_organization_organization"`,
    );
    await queryRunner.query(`ALTER TABLE "file_organization" DROP CONSTRAINT "FK_file_organization_file"`);
    await queryRunner.query(
      `ALTER TABLE "applicant_file" DROP CONSTRAINT "FK_applicant_file_created_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant_file" DROP CONSTRAINT "FK_applicant_file_created_by_organization"`,
    );
    await queryRunner.query(`ALTER TABLE "applicant_file" DROP CONSTRAINT "FK_applicant_file_kept_file"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_timeline_event_file_occurred_at"`);
    await queryRunner.query(`DROP TABLE "timeline_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_file_organization_organization"`);
    await queryRunner.query(`DROP TABLE "file_organization"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_applicant_file_sne_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_updated_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_status_updated_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_birth_date"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_co_applicant_birth_date"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_insee_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_renewal_due_on"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_sort_name"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_created_by_organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_closed_on"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_sne_number_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_wished_typologies"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_name_search"`);
    await queryRunner.query(`DROP TABLE "applicant_file"`);
  }
}

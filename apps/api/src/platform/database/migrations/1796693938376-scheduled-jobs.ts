import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScheduledJobs1796693938376 implements MigrationInterface {
  name = 'ScheduledJobs1796693938376';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scheduled_job" ("name" character varying(64) NOT NULL, "last_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_instance" character varying(128) NOT NULL, "runs" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_scheduled_job" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "scheduled_job"`);
  }
}

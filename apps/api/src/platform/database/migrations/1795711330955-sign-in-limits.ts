import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInLimits1795711330955 implements MigrationInterface {
  name = 'SignInLimits1795711330955';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_failure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "username" character varying(128) NOT NULL, "address" character varying(64) NOT NULL, CONSTRAINT "PK_sign_in_failure" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sign_in_failure_address_at" ON "sign_in_failure"  ("address", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sign_in_failure_username_at" ON "sign_in_failure"  ("username", "at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_failure_username_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_failure_address_at"`);
    await queryRunner.query(`DROP TABLE "sign_in_failure"`);
  }
}

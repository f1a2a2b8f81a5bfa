import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInAttempts1796686776483 implements MigrationInterface {
  name = 'SignInAttempts1796686776483';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Failures were keyed by the typed name and are worth a quarter of an hour: not carried over.
    await queryRunner.query(`DROP TABLE "sign_in_failure"`);
    await queryRunner.query(
      `CREATE TABLE "sign_in_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account" character varying(64) NOT NULL, "address" character varying(64) NOT NULL, "familiar" boolean NOT NULL, "pending" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_sign_in_attempt" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sign_in_attempt_address_at" ON "sign_in_attempt"  ("address", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sign_in_attempt_account_at" ON "sign_in_attempt"  ("account", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_familiar_address" ("user_id" uuid NOT NULL, "address" character varying(64) NOT NULL, "last_signed_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_sign_in_familiar_address" PRIMARY KEY ("user_id", "address"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_familiar_address" ADD CONSTRAINT "FK_sign_in_familiar_address_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sign_in_familiar_address" DROP CONSTRAINT "FK_sign_in_familiar_address_user"`,
    );
    await queryRunner.query(`DROP TABLE "sign_in_familiar_address"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_attempt_account_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_attempt_address_at"`);
    await queryRunner.query(`DROP TABLE "sign_in_attempt"`);
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
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactor1796699574646 implements MigrationInterface {
  name = 'SecondFactor1796699574646';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "second_factor" ("user_id" uuid NOT NULL, "sealed_secret" bytea NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_second_factor" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character varying(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_recovery_code" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_recovery_code_user_hash" ON "recovery_code"  ("user_id", "code_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_challenge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "secret_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_sign_in_challenge" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_challenge_user" ON "sign_in_challenge"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "second_factor" ADD CONSTRAINT "FK_second_factor_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_code" ADD CONSTRAINT "FK_recovery_code_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_challenge" ADD CONSTRAINT "FK_sign_in_challenge_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sign_in_challenge" DROP CONSTRAINT "FK_sign_in_challenge_user"`);
    await queryRunner.query(`ALTER TABLE "recovery_code" DROP CONSTRAINT "FK_recovery_code_user"`);
    await queryRunner.query(`ALTER TABLE "second_factor" DROP CONSTRAINT "FK_second_factor_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_challenge_user"`);
    await queryRunner.query(`DROP TABLE "sign_in_challenge"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_recovery_code_user_hash"`);
    await queryRunner.query(`DROP TABLE "recovery_code"`);
    await queryRunner.query(`DROP TABLE "second_factor"`);
  }
}

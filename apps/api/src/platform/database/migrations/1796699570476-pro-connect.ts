import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProConnect1796699570476 implements MigrationInterface {
  name = 'ProConnect1796699570476';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "proconnect_flow" ("state_hash" character varying(64) NOT NULL, "nonce" text NOT NULL, "code_verifier" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_proconnect_flow" PRIMARY KEY ("state_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_proconnect_flow_expires_at" ON "proconnect_flow"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "proconnect_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sub" character varying(255) NOT NULL, "email" character varying(254) NOT NULL, "given_name" text, "usual_name" text, "siret" character varying(14), "organization_label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_proconnect_request" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_proconnect_request_sub" ON "proconnect_request"  ("sub") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD "requires_pro_connect" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" ADD "email" character varying(254)`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "proconnect_sub" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "user_session" ADD "id_token" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_app_user_proconnect_sub" ON "app_user"  ("proconnect_sub") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user"  ("email") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_app_user_email"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_app_user_proconnect_sub"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP COLUMN "id_token"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "proconnect_sub"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "email"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "requires_pro_connect"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_proconnect_request_sub"`);
    await queryRunner.query(`DROP TABLE "proconnect_request"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_proconnect_flow_expires_at"`);
    await queryRunner.query(`DROP TABLE "proconnect_flow"`);
  }
}

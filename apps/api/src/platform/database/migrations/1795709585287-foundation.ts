import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795709585287 implements MigrationInterface {
  name = 'Foundation1795709585287';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "commune" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "insee_code" character varying(5) NOT NULL, "name" text NOT NULL, "postcodes" text array NOT NULL DEFAULT '{}', "population" integer, "current" boolean NOT NULL, "merged_into_insee_code" character varying(5), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_commune" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_commune_insee_code" ON "commune"  ("insee_code") `);
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" text NOT NULL, "type" character varying(32) NOT NULL, "registers_demands" boolean NOT NULL DEFAULT false, "insee_code" character varying(5), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_organization_type" CHECK ("type" IN ('RELAY_POINT', 'INFO_POINT', 'LANDLORD', 'SOCIAL_SERVICE', 'INTERCOMMUNALITY')), CONSTRAINT "PK_organization" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_organization_code" ON "organization"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" text NOT NULL, "role" character varying(32) NOT NULL, "organization_id" uuid NOT NULL, "active" boolean NOT NULL DEFAULT true, "password_hash" text, "activation_code_hash" text, "activation_expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_app_user_role" CHECK ("role" IN ('RELAY_CLERK', 'INFO_POINT_AGENT', 'SOCIAL_WORKER', 'LANDLORD_OFFICER', 'COORDINATOR')), CONSTRAINT "PK_app_user" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_app_user_organization" ON "app_user"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_app_user_username" ON "app_user"  ("username") `);
    await queryRunner.query(
      `CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "refresh_token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_user_session" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_user_session_user" ON "user_session"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_app_user_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "FK_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_user_session_user"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_app_user_organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_session_user"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_app_user_username"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_app_user_organization"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_organization_code"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_commune_insee_code"`);
    await queryRunner.query(`DROP TABLE "commune"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The housed demands' waiting days, per day, point of entry and wish, for the waiting-time
 * indicator. The summary state is forgotten: the reporting job rebuilds the whole summary, this
 * table included, on its next run.
 */
export class WaitingDays1795731119042 implements MigrationInterface {
  name = 'WaitingDays1795731119042';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reporting_waiting_days" ("closed_on" date NOT NULL, "entry_organization_id" uuid NOT NULL, "dimension" character varying(8) NOT NULL, "key" character varying(16) NOT NULL, "days" text NOT NULL, CONSTRAINT "CHK_reporting_waiting_days_days" CHECK ("days" ~ '^-?[0-9]+(,-?[0-9]+)*$'), CONSTRAINT "CHK_reporting_waiting_days_dimension" CHECK ("dimension" IN ('ALL', 'TYPOLOGY', 'COMMUNE')), CONSTRAINT "PK_reporting_waiting_days" PRIMARY KEY ("closed_on", "entry_organization_id", "dimension", "key"))`,
    );
    await queryRunner.query(`DELETE FROM "reporting_summary_state"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reporting_waiting_days"`);
  }
}

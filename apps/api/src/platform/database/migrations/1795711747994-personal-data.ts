import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalData1795711747994 implements MigrationInterface {
  name = 'PersonalData1795711747994';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applicant_file" ADD "information_notice_given_on" date`);
    await queryRunner.query(`ALTER TABLE "applicant_file" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "applicant_file" ALTER COLUMN "birth_date" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applicant_file" ALTER COLUMN "birth_date" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "applicant_file" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`ALTER TABLE "applicant_file" DROP COLUMN "information_notice_given_on"`);
  }
}

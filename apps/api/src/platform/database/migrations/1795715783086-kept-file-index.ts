import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KeptFileIndex1795715783086 implements MigrationInterface {
  name = 'KeptFileIndex1795715783086';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_applicant_file_kept_file" ON "applicant_file"  ("kept_file_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_applicant_file_kept_file"`);
  }
}

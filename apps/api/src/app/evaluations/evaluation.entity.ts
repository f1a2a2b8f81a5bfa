import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { type Diagnosis, EVALUATION_KINDS, type EvaluationKind } from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { UserEntity } from '@api/app/identity/user.entity';

/** A housing-project evaluation, or a social one whose notes only social workers read. */
@Entity('evaluation')
@Index('IDX_evaluation_file_created_at', ['applicantFileId', 'createdAt'])
@Check('CHK_evaluation_kind', `"kind" IN (${sqlList(EVALUATION_KINDS)})`)
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evaluation' })
  id!: string;

  @Column({ type: 'uuid' })
  applicantFileId!: string;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_evaluation_file' })
  applicantFile?: ApplicantFileEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: EvaluationKind;

  @Column({ type: 'text' })
  notes!: string;

  @Column({ type: 'jsonb', nullable: true })
  diagnosis!: Diagnosis | null;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'FK_evaluation_author_user' })
  authorUser?: UserEntity;

  @Column({ type: 'uuid' })
  authorOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'author_organization_id',
    foreignKeyConstraintName: 'FK_evaluation_author_organization',
  })
  authorOrganization?: OrganizationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When its recommended wishes were applied to the file. */
  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;
}

import { Check, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { ApplicantFileEntity } from './applicant-file.entity';

export const FILE_ORGANIZATION_LINKS = ['CREATED', 'REFERRAL_SENT', 'REFERRAL_RECEIVED'] as const;
export type FileOrganizationLink = (typeof FILE_ORGANIZATION_LINKS)[number];

/**
 * The « own » scope of ACCESS.md, materialised: an organisation owns the files it created and
 * those referred by it or to it. One indexed lookup answers « is this file theirs? ».
 */
@Entity('file_organization')
@Index('IDX_file_organization_organization', ['organizationId', 'applicantFileId'])
@Check('CHK_file_organization_link', `"link" IN ('CREATED', 'REFERRAL_SENT', 'REFERRAL_RECEIVED')`)
export class FileOrganizationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_file_organization' })
  applicantFileId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_file_organization' })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 24, primaryKeyConstraintName: 'PK_file_organization' })
  link!: FileOrganizationLink;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_file_organization_file' })
  applicantFile?: ApplicantFileEntity;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_file_organization_organization' })
  organization?: OrganizationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

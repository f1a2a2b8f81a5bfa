import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentStatus,
  type DocumentType,
} from '@passerelle/shared/domain';
import { sqlList } from '@api/platform/database/sql';
import { ApplicantFileEntity } from '@api/app/applicant-files/applicant-file.entity';
import { OrganizationEntity } from '@api/app/reference/organization.entity';
import { UserEntity } from '@api/app/identity/user.entity';

/** A supporting document: its bytes live encrypted in the document storage under `storageKey`. */
@Entity('supporting_document')
@Index('IDX_supporting_document_file', ['applicantFileId', 'uploadedAt'])
@Index('UQ_supporting_document_storage_key', ['storageKey'], { unique: true })
@Check('CHK_supporting_document_type', `"type" IN (${sqlList(DOCUMENT_TYPES)})`)
@Check('CHK_supporting_document_status', `"status" IN (${sqlList(DOCUMENT_STATUSES)})`)
export class SupportingDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_supporting_document' })
  id!: string;

  @Column({ type: 'uuid' })
  applicantFileId!: string;

  @ManyToOne(() => ApplicantFileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_file_id', foreignKeyConstraintName: 'FK_supporting_document_file' })
  applicantFile?: ApplicantFileEntity;

  @Column({ type: 'varchar', length: 40 })
  type!: DocumentType;

  /** APPLICANT, CO_APPLICANT or a household member id. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  personId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'PROVIDED' })
  status!: DocumentStatus;

  @Column({ type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'boolean' })
  sensitive!: boolean;

  @Column({ type: 'date', nullable: true })
  validUntil!: string | null;

  /** Server-made name in the storage; never derived from user input. */
  @Column({ type: 'varchar', length: 80 })
  storageKey!: string;

  /** The uploaded name, cleaned, only for the download's suggested name. */
  @Column({ type: 'varchar', length: 160 })
  fileName!: string;

  @Column({ type: 'varchar', length: 40 })
  mediaType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  /** SHA-256 of the plain bytes, hex. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'uuid' })
  uploadedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'uploaded_by_user_id',
    foreignKeyConstraintName: 'FK_supporting_document_uploaded_by_user',
  })
  uploadedByUser?: UserEntity;

  @Column({ type: 'uuid' })
  uploadedByOrganizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'uploaded_by_organization_id',
    foreignKeyConstraintName: 'FK_supporting_document_uploaded_by_organization',
  })
  uploadedByOrganization?: OrganizationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  checkedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'checked_by_user_id',
    foreignKeyConstraintName: 'FK_supporting_document_checked_by_user',
  })
  checkedByUser?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  checkedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

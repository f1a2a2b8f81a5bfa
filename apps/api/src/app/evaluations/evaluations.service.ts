import { Injectable } from '@nestjs/common';
import {
  type ApplicantFileView,
  type CreateEvaluationRequest,
  type EvaluationKind,
  type EvaluationView,
  type Grant,
  type Page,
  grantFor,
} from '@passerelle/shared/domain';
import { Transactions } from '@api/platform/database/transactions';
import { DomainError, conflict, forbidden, notFound } from '@api/platform/http/domain-error';
import { type PageRequest, toPage } from '@api/platform/http/pagination';
import { FileAccess } from '@api/app/access/file-access';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { ApplicantFilesRepository } from '@api/app/applicant-files/applicant-files.repository';
import { ApplicantFilesService } from '@api/app/applicant-files/applicant-files.service';
import { TimelineRepository } from '@api/app/timeline/timeline.repository';
import { toEvaluationView } from './evaluation.mapper';
import { EvaluationsRepository } from './evaluations.repository';

@Injectable()
export class EvaluationsService {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly files: ApplicantFilesRepository,
    private readonly filesService: ApplicantFilesService,
    private readonly fileAccess: FileAccess,
    private readonly timeline: TimelineRepository,
    private readonly transactions: Transactions,
  ) {}

  /** The kinds a caller may read: social evaluations for social workers only. */
  private readableKinds(principal: AuthenticatedPrincipal): EvaluationKind[] {
    return grantFor(principal, 'evaluations.social') ? ['HOUSING_PROJECT', 'SOCIAL'] : ['HOUSING_PROJECT'];
  }

  async create(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    body: CreateEvaluationRequest,
  ): Promise<EvaluationView> {
    // The route's action covers housing-project evaluations; a social one needs its own right.
    const socialGrant = body.kind === 'SOCIAL' ? grantFor(principal, 'evaluations.social') : undefined;
    if (body.kind === 'SOCIAL' && !socialGrant) throw forbidden('Only social workers log social evaluations');
    const unknown = await this.files.unknownCommunes(body.diagnosis?.communes ?? []);
    if (unknown.length > 0) {
      throw new DomainError(
        'INVALID',
        'Invalid input',
        unknown.map((code) => ({
          field: 'diagnosis.communes',
          message: `${code} is not a commune of the territory`,
        })),
      );
    }
    const row = await this.transactions.run(async (db) => {
      await this.fileAccess.assertInScope(principal, socialGrant ?? grant, fileId, db);
      const evaluation = await this.evaluations.insert(db, {
        fileId,
        kind: body.kind,
        notes: body.notes,
        diagnosis: body.diagnosis ?? null,
        userId: principal.userId,
        organizationId: principal.organization.id,
      });
      await this.timeline.insert(db, {
        applicantFileId: fileId,
        type: body.kind === 'SOCIAL' ? 'SOCIAL_EVALUATION' : 'HOUSING_PROJECT_EVALUATION',
        actorUserId: principal.userId,
        actorOrganizationId: principal.organization.id,
        visibility: body.kind === 'SOCIAL' ? 'SOCIAL' : 'ALL',
        details: { evaluationId: evaluation.id, public: {} },
      });
      return evaluation;
    });
    return toEvaluationView(row);
  }

  async list(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    fileId: string,
    page: PageRequest,
  ): Promise<Page<EvaluationView>> {
    const result = await this.evaluations.page(
      fileId,
      this.fileAccess.scopeOf(principal, grant),
      this.readableKinds(principal),
      { limit: page.pageSize, offset: page.offset },
    );
    if (!result) throw notFound('Applicant file');
    return toPage(result.rows.map(toEvaluationView), result.total, page);
  }

  /** The author applies the recommended typologies and communes to the file's wishes. */
  async applyWishes(
    principal: AuthenticatedPrincipal,
    evaluationId: string,
    expectedVersion: number,
  ): Promise<{ file: ApplicantFileView; version: number; evaluation: EvaluationView }> {
    const updateGrant = grantFor(principal, 'files.update');
    if (!updateGrant) throw forbidden('Your role may not change files');
    const result = await this.transactions.run(async (db) => {
      const evaluation = await this.evaluations.lockInScope(
        db,
        evaluationId,
        this.readableKinds(principal),
        this.fileAccess.scopeOf(principal, updateGrant),
      );
      if (!evaluation) throw notFound('Evaluation');
      if (evaluation.author_user_id !== principal.userId)
        throw forbidden('Only the author applies an evaluation');
      const wishes = {
        ...(evaluation.diagnosis?.typologies?.length ? { typologies: evaluation.diagnosis.typologies } : {}),
        ...(evaluation.diagnosis?.communes?.length ? { communes: evaluation.diagnosis.communes } : {}),
      };
      if (Object.keys(wishes).length === 0)
        throw conflict('This evaluation recommends no typology or commune');
      const file = await this.filesService.applyPatch(
        db,
        principal,
        updateGrant,
        evaluation.applicant_file_id,
        expectedVersion,
        { wishes },
        { type: 'WISHES_APPLIED', details: { evaluationId } },
      );
      return { file, evaluation: await this.evaluations.markApplied(db, evaluationId) };
    });
    return {
      file: this.filesService.view(result.file, principal),
      version: result.file.version,
      evaluation: toEvaluationView(result.evaluation),
    };
  }
}

import { Injectable } from '@nestjs/common';
import {
  type ActivityFigures,
  type ActivityReport,
  type CalendarDate,
  type CountFigure,
  type DocumentFigures,
  type DocumentsReport,
  type FileFigures,
  type FilesReport,
  type Grant,
  MIN_CASES_PER_FIGURE,
  type OrganizationReferralFigures,
  REPORTING_VIEWS,
  type ReceptionCommitmentReport,
  type ReferralFigures,
  type ReferralsReport,
  type RenewalFigures,
  type RenewalsReport,
  type ReportingContext,
  type ReportingOrganization,
  type ReportingPeriod,
  type ReportingPeriodQuery,
  type ReportingView,
  type WaitingTimesReport,
} from '@passerelle/shared/domain';
import { Clock } from '@api/platform/clock';
import { forbidden } from '@api/platform/http/domain-error';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { Figures } from './reporting-figures';
import { resolvePeriod } from './reporting-period';
import {
  type FileFigureRow,
  type ReferralHistogramRow,
  type RenewalFigureRow,
  type ReportingScope,
  dueWindow,
} from './reporting.queries';
import { ReportingRepository } from './reporting.repository';
import {
  fileFigures,
  lateCase,
  organizationOf,
  perOrganization,
  sum,
  receptionFigures,
  referralFigures,
  waitingDays,
  waitingTimeFigures,
} from './reporting.mapper';

/** Everything an indicator needs to know about its request. */
interface Request {
  period: ReportingPeriod;
  today: CalendarDate;
  view: ReportingView;
  scope: ReportingScope;
  figures: Figures;
  organization: ReportingOrganization;
  context: Omit<ReportingContext, 'summaryRefreshedAt'>;
}

/** Sections by view (ACCESS.md « Reporting »): the organisation's, the territory's, or both. */
function sections<O, T>(
  request: Request,
  organization: () => O,
  territory: () => T,
): { organization?: ReportingOrganization & O; territory?: T } {
  return {
    ...(request.view !== 'everything'
      ? { organization: { ...request.organization, ...organization() } }
      : {}),
    ...(request.view !== 'ownOrganization' ? { territory: territory() } : {}),
  };
}

/**
 * The steering indicators (DOMAIN.md §10) as each role may read them (ACCESS.md « Reporting »):
 * the coordinator everything, by organisation; info points, social workers and landlords their
 * organisation's figures and the territory's totals; relay clerks their organisation's only. Below
 * the coordinator, no count of 1 to 4 in a breakdown; for everyone, no average, median or share
 * resting on fewer than 5 cases.
 */
@Injectable()
export class ReportingService {
  constructor(
    private readonly reporting: ReportingRepository,
    private readonly clock: Clock,
  ) {}

  private request(principal: AuthenticatedPrincipal, grant: Grant, query: ReportingPeriodQuery): Request {
    const view = grant.view as ReportingView | undefined;
    // Fails closed: a grant without a reporting view shows nothing.
    if (!view || !(REPORTING_VIEWS as readonly string[]).includes(view)) throw forbidden();
    const today = this.clock.today();
    const period = resolvePeriod(query, today);
    return {
      period,
      today,
      view,
      scope: {
        organizationId: principal.organization.id,
        ownOnly: view === 'ownOrganization',
        byOrganization: view === 'everything',
      },
      figures: new Figures(view),
      organization: {
        id: principal.organization.id,
        name: principal.organization.name,
        type: principal.organization.type,
      },
      context: { period, computedOn: today, view, minCasesPerFigure: MIN_CASES_PER_FIGURE },
    };
  }

  private async summaryRefreshedAt(): Promise<string | null> {
    const states = await this.reporting.summaryStates();
    return states.get('files')?.refreshed_at.toISOString() ?? null;
  }

  // ── files ──

  async files(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    query: ReportingPeriodQuery,
  ): Promise<FilesReport> {
    const request = this.request(principal, grant, query);
    const [rows, communes, organizations, summaryRefreshedAt] = await Promise.all([
      this.reporting.fileFigures(request.period, request.scope),
      this.reporting.communes(),
      request.scope.byOrganization ? this.reporting.organizations() : Promise.resolve([]),
      this.summaryRefreshedAt(),
    ]);
    const names = new Map(communes.map((c) => [c.insee_code, c.name]));
    const build = (dimensionRows: FileFigureRow[], entries: FileFigureRow[] | null): FileFigures =>
      fileFigures(dimensionRows, entries, names, organizations, request.figures);
    return {
      ...request.context,
      summaryRefreshedAt,
      ...sections(
        request,
        () =>
          build(
            rows.filter((row) => row.own === true),
            null,
          ),
        () =>
          request.scope.byOrganization
            ? build(
                rows.filter((row) => row.dimension !== null),
                rows.filter((row) => row.entry_organization_id !== null),
              )
            : build(rows, null),
      ),
    };
  }

  // ── referrals ──

  async referrals(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    query: ReportingPeriodQuery,
  ): Promise<ReferralsReport> {
    const request = this.request(principal, grant, query);
    const [rows, organizations, summaryRefreshedAt] = await Promise.all([
      this.reporting.referralHistogram(request.period, request.scope),
      this.reporting.organizations(),
      this.summaryRefreshedAt(),
    ]);
    const types = new Map(organizations.map((organization) => [organization.id, organization.type]));
    const figures = (selected: ReferralHistogramRow[]): ReferralFigures =>
      referralFigures(selected, types, request.figures);
    const byOrganization = (column: 'from_id' | 'to_id'): OrganizationReferralFigures[] =>
      perOrganization(
        organizations,
        (id) => {
          const selected = rows.filter((row) => row[column] === id);
          if (selected.length === 0) return null;
          const { total, byStatus, delays } = figures(selected);
          return { total, byStatus, delays };
        },
        (line) => line.total,
      );
    const own = request.organization.id;
    return {
      ...request.context,
      summaryRefreshedAt,
      ...sections(
        request,
        () => ({
          sent: figures(rows.filter((row) => row.from_id === own)),
          received: figures(rows.filter((row) => row.to_id === own)),
        }),
        () => ({
          ...figures(rows),
          ...(request.scope.byOrganization
            ? { byOrigin: byOrganization('from_id'), byDestination: byOrganization('to_id') }
            : {}),
        }),
      ),
    };
  }

  // ── reception commitment ──

  async receptionCommitment(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    query: ReportingPeriodQuery,
  ): Promise<ReceptionCommitmentReport> {
    const request = this.request(principal, grant, query);
    const { period, scope, figures } = request;
    const [rows, late, organizations, summaryRefreshedAt] = await Promise.all([
      this.reporting.receptionFigures(period, scope),
      this.reporting.lateReceptions(period, scope.byOrganization ? null : scope.organizationId),
      scope.byOrganization ? this.reporting.organizations() : Promise.resolve([]),
      this.summaryRefreshedAt(),
    ]);
    const totals = rows.find((row) => row.grouping === 3);
    return {
      ...request.context,
      summaryRefreshedAt,
      ...sections(
        request,
        () => ({
          ...receptionFigures(
            scope.ownOnly ? totals : rows.find((row) => row.grouping === 0 && row.own === true),
            figures,
          ),
          lateCases: late.map((row) => lateCase(row, false)),
        }),
        () => ({
          ...receptionFigures(totals, figures),
          ...(scope.byOrganization
            ? {
                lateCases: late.map((row) => lateCase(row, true)),
                byRecordingOrganization: perOrganization(
                  organizations,
                  (id) => {
                    const row = rows.find((r) => r.grouping === 0 && r.recorded_by_organization_id === id);
                    return row ? receptionFigures(row, figures) : null;
                  },
                  (line) => line.total,
                ),
              }
            : {}),
        }),
      ),
    };
  }

  // ── renewals ──

  async renewals(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    query: ReportingPeriodQuery,
  ): Promise<RenewalsReport> {
    const request = this.request(principal, grant, query);
    const [rows, summaryRefreshedAt] = await Promise.all([
      this.reporting.renewalFigures(request.period, request.today, request.scope),
      this.summaryRefreshedAt(),
    ]);
    const build = (selected: RenewalFigureRow[]): RenewalFigures => {
      const due = sum(selected, (row) => row.due);
      const reminded = sum(selected, (row) => row.reminded);
      return {
        dueWithinNextMonth: {
          ...dueWindow(request.today),
          total: due,
          reminded: request.figures.count(reminded),
          notReminded: request.figures.count(due - reminded),
        },
        closedNotRenewed: sum(selected, (row) => row.closed_not_renewed),
      };
    };
    return {
      ...request.context,
      summaryRefreshedAt,
      ...sections(
        request,
        () => build(rows.filter((row) => row.own)),
        () => build(rows),
      ),
    };
  }

  // ── waiting times ──

  async waitingTimes(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    query: ReportingPeriodQuery,
  ): Promise<WaitingTimesReport> {
    const request = this.request(principal, grant, query);
    const [rows, summaryRefreshedAt] = await Promise.all([
      this.reporting.waitingTimes(request.period, request.scope),
      this.summaryRefreshedAt(),
    ]);
    const groups = waitingDays(rows);
    return {
      ...request.context,
      summaryRefreshedAt,
      ...sections(
        request,
        () =>
          waitingTimeFigures(
            groups.filter((group) => group.own === true),
            request.figures,
          ),
        () => waitingTimeFigures(groups, request.figures),
      ),
    };
  }

  // ── documents ──

  async documents(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    query: ReportingPeriodQuery,
  ): Promise<DocumentsReport> {
    const request = this.request(principal, grant, query);
    const [rows, organizations, summaryRefreshedAt] = await Promise.all([
      this.reporting.documentFigures(request.period, request.scope),
      request.scope.byOrganization ? this.reporting.organizations() : Promise.resolve([]),
      this.summaryRefreshedAt(),
    ]);
    const build = (selected: typeof rows): DocumentFigures => {
      const registered = sum(selected, (row) => row.registered_files);
      return {
        registeredFiles: registered,
        registrationComplete: request.figures.share(
          registered,
          sum(selected, (row) => row.registration_complete),
        ),
        instructionComplete: request.figures.share(
          registered,
          sum(selected, (row) => row.instruction_complete),
        ),
      };
    };
    return {
      ...request.context,
      summaryRefreshedAt,
      measuredOn: rows[0]?.day ?? null,
      ...sections(
        request,
        () => build(rows.filter((row) => row.entry_organization_id === request.organization.id)),
        () => ({
          ...build(rows),
          ...(request.scope.byOrganization
            ? {
                byPointOfEntry: perOrganization(
                  organizations,
                  (id) => {
                    const own = rows.filter((row) => row.entry_organization_id === id);
                    return own.length > 0 ? build(own) : null;
                  },
                  (line) => line.registeredFiles,
                ),
              }
            : {}),
        }),
      ),
    };
  }

  // ── activity ──

  async activity(
    principal: AuthenticatedPrincipal,
    grant: Grant,
    query: ReportingPeriodQuery,
  ): Promise<ActivityReport> {
    const request = this.request(principal, grant, query);
    const [rows, summaryRefreshedAt] = await Promise.all([
      this.reporting.activity(request.period, request.scope),
      this.summaryRefreshedAt(),
    ]);
    const counts = (selected: typeof rows, count: (n: number) => CountFigure): ActivityFigures => ({
      filesCreated: count(sum(selected, (row) => row.files_created)),
      referralsSent: count(sum(selected, (row) => row.referrals_sent)),
      referralsReceived: count(sum(selected, (row) => row.referrals_received)),
      appointmentsHeld: count(sum(selected, (row) => row.appointments_held)),
      receptionRequests: count(sum(selected, (row) => row.reception_requests)),
    });
    const total = (n: number): CountFigure => ({ count: n, suppressed: false });
    const own = (n: number) => request.figures.count(n);
    return {
      ...request.context,
      summaryRefreshedAt,
      ...sections(
        request,
        () =>
          counts(
            rows.filter((row) => row.id === request.organization.id),
            own,
          ),
        () => ({
          ...counts(rows, total),
          ...(request.scope.byOrganization
            ? {
                byOrganization: rows
                  .filter(
                    (row) =>
                      row.active ||
                      row.files_created +
                        row.referrals_sent +
                        row.referrals_received +
                        row.appointments_held +
                        row.reception_requests >
                        0,
                  )
                  .map((row) => ({
                    ...organizationOf(row),
                    ...counts([row], (n) => request.figures.count(n)),
                  })),
              }
            : {}),
        }),
      ),
    };
  }
}

import {
  type ActivityFigures,
  type ActivityReport,
  type CommuneCount,
  type CountFigure,
  type DaysFigure,
  type DocumentFigures,
  type DocumentsReport,
  FILE_STATUS_LABELS,
  type FileFigures,
  type FilesReport,
  ORGANIZATION_TYPE_LABELS,
  type OrganizationCount,
  type OrganizationReferralFigures,
  type ReceptionCommitmentFigures,
  type ReceptionCommitmentReport,
  REFERRAL_STATUS_LABELS,
  type ReferralFigures,
  type ReferralsReport,
  type RenewalFigures,
  type RenewalsReport,
  type ReportingIndicator,
  type ReportingOrganization,
  type ShareFigure,
  TYPOLOGY_LABELS,
  type WaitingTimeFigures,
  type WaitingTimesReport,
} from '@passerelle/shared/domain';
import { type Cell, type Column, formatCalendarDate, type ReportTable, SUPPRESSED } from './report-table';

/** What each indicator route answers. */
export interface IndicatorReports {
  files: FilesReport;
  referrals: ReferralsReport;
  'reception-commitment': ReceptionCommitmentReport;
  renewals: RenewalsReport;
  'waiting-times': WaitingTimesReport;
  documents: DocumentsReport;
  activity: ActivityReport;
}

export const TERRITORY_LABEL = 'Territoire';

/** The organisation's figures first, then the territory's, each under a column or row label. */
interface Scope<T> {
  readonly label: string;
  readonly figures: T;
}

function scopesOf<T>(report: { organization?: ReportingOrganization & T; territory?: T }): Scope<T>[] {
  const scopes: Scope<T>[] = [];
  if (report.organization) scopes.push({ label: report.organization.name, figures: report.organization });
  if (report.territory) scopes.push({ label: TERRITORY_LABEL, figures: report.territory });
  return scopes;
}

const count = (figure: CountFigure): Cell => (figure.suppressed ? SUPPRESSED : figure.count);
const share = (figure: ShareFigure): Cell => (figure.suppressed ? SUPPRESSED : figure.share);
const average = (figure: DaysFigure): Cell => (figure.suppressed ? SUPPRESSED : figure.averageDays);
const median = (figure: DaysFigure): Cell => (figure.suppressed ? SUPPRESSED : figure.medianDays);

const text = (header: string): Column => ({ header, kind: 'text' });
const counts = (header: string): Column => ({ header, kind: 'count' });
const shares = (header: string): Column => ({ header, kind: 'share' });
const days = (header: string): Column => ({ header, kind: 'days' });

/** « Dossiers » alone, or « Dossiers — Territoire » when several scopes share the table. */
function scopedHeader(header: string, scope: Scope<unknown>, scopes: readonly Scope<unknown>[]): string {
  return scopes.length > 1 ? `${header} — ${scope.label}` : header;
}

/**
 * A breakdown (by status, commune…) with one count column per scope; the rows in the order the API
 * gave them (largest first), a key missing from a scope counting zero.
 */
function breakdown<T, F extends CountFigure>(
  table: { id: string; title: string; sheetName: string; keyHeader: string; valueHeader: string },
  scopes: readonly Scope<T>[],
  items: (figures: T) => readonly F[] | undefined,
  key: (item: F) => string,
  label: (item: F) => string,
  total?: (figures: T) => number,
): ReportTable | null {
  const present = scopes.filter((scope) => items(scope.figures) !== undefined);
  if (present.length === 0) return null;
  const labels = new Map<string, string>();
  for (const scope of present)
    for (const item of items(scope.figures) ?? []) labels.set(key(item), label(item));
  const rows: Cell[][] = [...labels].map(([rowKey, rowLabel]) => [
    rowLabel,
    ...present.map((scope) => {
      const item = items(scope.figures)?.find((candidate) => key(candidate) === rowKey);
      return item ? count(item) : 0;
    }),
  ]);
  if (total && rows.length > 0) rows.push(['Total', ...present.map((scope) => total(scope.figures))]);
  return {
    id: table.id,
    title: table.title,
    sheetName: table.sheetName,
    columns: [
      text(table.keyHeader),
      ...present.map((scope) => counts(scopedHeader(table.valueHeader, scope, present))),
    ],
    rows,
    chart: { valueColumns: present.map((_, index) => index + 1) },
  };
}

function communeLabel(commune: Pick<CommuneCount, 'inseeCode' | 'name'>): string {
  if (commune.name) return commune.name;
  return commune.inseeCode ? `Hors territoire (${commune.inseeCode})` : 'Commune non renseignée';
}

const compact = (tables: (ReportTable | null)[]): ReportTable[] =>
  tables.filter((table): table is ReportTable => table !== null);

function filesTables(report: FilesReport): ReportTable[] {
  const scopes = scopesOf<FileFigures>(report);
  const end = formatCalendarDate(report.period.to);
  const stock = (id: string, by: string, sheetName: string) => ({
    id: `dossiers-${id}`,
    title: `Dossiers au ${end}, par ${by}`,
    sheetName,
    keyHeader: by.charAt(0).toUpperCase() + by.slice(1),
    valueHeader: 'Dossiers',
  });
  const entries = (id: string, by: string, sheetName: string) => ({
    id: `dossiers-crees-${id}`,
    title: `Dossiers créés pendant la période, par ${by}`,
    sheetName,
    keyHeader: by.charAt(0).toUpperCase() + by.slice(1),
    valueHeader: 'Dossiers créés',
  });
  return compact([
    breakdown(
      stock('statut', 'statut', 'Dossiers par statut'),
      scopes,
      (figures) => figures.atEndOfPeriod.byStatus,
      (item) => item.status,
      (item) => FILE_STATUS_LABELS[item.status],
      (figures) => figures.atEndOfPeriod.total,
    ),
    breakdown(
      stock('commune', 'commune du demandeur', 'Dossiers par commune'),
      scopes,
      (figures) => figures.atEndOfPeriod.byCommune,
      (item: CommuneCount) => item.inseeCode ?? '',
      communeLabel,
    ),
    breakdown(
      stock('typologie', 'typologie souhaitée', 'Dossiers par typologie'),
      scopes,
      (figures) => figures.atEndOfPeriod.byTypology,
      (item) => item.typology,
      (item) => TYPOLOGY_LABELS[item.typology],
    ),
    breakdown(
      stock('point-d-entree', "point d'entrée", "Dossiers par point d'entrée"),
      scopes,
      (figures) => figures.atEndOfPeriod.byPointOfEntry,
      (item: OrganizationCount) => item.id,
      (item) => item.name,
    ),
    breakdown(
      entries('commune', 'commune du demandeur', 'Créés par commune'),
      scopes,
      (figures) => figures.enteredDuringPeriod.byCommune,
      (item: CommuneCount) => item.inseeCode ?? '',
      communeLabel,
      (figures) => figures.enteredDuringPeriod.total,
    ),
    breakdown(
      entries('typologie', 'typologie souhaitée', 'Créés par typologie'),
      scopes,
      (figures) => figures.enteredDuringPeriod.byTypology,
      (item) => item.typology,
      (item) => TYPOLOGY_LABELS[item.typology],
    ),
    breakdown(
      entries('point-d-entree', "point d'entrée", "Créés par point d'entrée"),
      scopes,
      (figures) => figures.enteredDuringPeriod.byPointOfEntry,
      (item: OrganizationCount) => item.id,
      (item) => item.name,
    ),
  ]);
}

const DELAY_COLUMNS: Column[] = [
  counts('Orientations'),
  days('Délai moyen (jours)'),
  days('Délai médian (jours)'),
];

function delayCells(figure: DaysFigure): Cell[] {
  return [figure.cases, average(figure), median(figure)];
}

function referralsTables(report: ReferralsReport): ReportTable[] {
  const scopes: Scope<ReferralFigures>[] = [];
  if (report.organization) {
    scopes.push({ label: `Envoyées par ${report.organization.name}`, figures: report.organization.sent });
    scopes.push({ label: `Reçues par ${report.organization.name}`, figures: report.organization.received });
  }
  if (report.territory) scopes.push({ label: TERRITORY_LABEL, figures: report.territory });
  const byType = (id: string, title: string, sheetName: string, keyHeader: string) => ({
    id,
    title,
    sheetName,
    keyHeader,
    valueHeader: 'Orientations',
  });
  const perOrganization = (
    id: string,
    title: string,
    sheetName: string,
    keyHeader: string,
    rows: OrganizationReferralFigures[],
  ): ReportTable => ({
    id,
    title,
    sheetName,
    columns: [
      text(keyHeader),
      counts('Orientations'),
      ...(['SENT', 'ACCEPTED', 'DECLINED', 'DONE'] as const).map((status) =>
        counts(REFERRAL_STATUS_LABELS[status]),
      ),
      days('Délai médian de réponse (jours)'),
    ],
    rows: rows.map((row) => [
      row.name,
      row.total,
      ...(['SENT', 'ACCEPTED', 'DECLINED', 'DONE'] as const).map((status) => {
        const figure = row.byStatus.find((item) => item.status === status);
        return figure ? count(figure) : 0;
      }),
      median(row.delays.sentToAnswered),
    ]),
    chart: { valueColumns: [1] },
  });
  return compact([
    breakdown(
      {
        id: 'orientations-statut',
        title: 'Orientations envoyées pendant la période, par issue',
        sheetName: 'Orientations par issue',
        keyHeader: 'Issue',
        valueHeader: 'Orientations',
      },
      scopes,
      (figures) => figures.byStatus,
      (item) => item.status,
      (item) => REFERRAL_STATUS_LABELS[item.status],
      (figures) => figures.total,
    ),
    scopes.length === 0
      ? null
      : {
          id: 'orientations-delais',
          title: "Délais des orientations, de l'envoi à la réponse et à la clôture",
          sheetName: 'Délais des orientations',
          columns: [text('Périmètre'), text('Délai'), ...DELAY_COLUMNS],
          rows: scopes.flatMap((scope) => [
            [scope.label, "De l'envoi à la réponse", ...delayCells(scope.figures.delays.sentToAnswered)],
            [scope.label, "De l'envoi à la clôture", ...delayCells(scope.figures.delays.sentToDone)],
          ]),
        },
    breakdown(
      byType(
        'orientations-origine',
        "Orientations par type d'organisation d'origine",
        'Par origine',
        "Type d'organisation d'origine",
      ),
      scopes,
      (figures) => figures.byOriginType,
      (item) => item.organizationType,
      (item) => ORGANIZATION_TYPE_LABELS[item.organizationType],
    ),
    breakdown(
      byType(
        'orientations-destination',
        "Orientations par type d'organisation de destination",
        'Par destination',
        "Type d'organisation de destination",
      ),
      scopes,
      (figures) => figures.byDestinationType,
      (item) => item.organizationType,
      (item) => ORGANIZATION_TYPE_LABELS[item.organizationType],
    ),
    report.territory?.byOrigin
      ? perOrganization(
          'orientations-par-organisation-origine',
          "Orientations par organisation d'origine",
          'Par organisation d’origine',
          "Organisation d'origine",
          report.territory.byOrigin,
        )
      : null,
    report.territory?.byDestination
      ? perOrganization(
          'orientations-par-organisation-destination',
          'Orientations par organisation de destination',
          'Par organisation de destination',
          'Organisation de destination',
          report.territory.byDestination,
        )
      : null,
  ]);
}

function receptionTables(report: ReceptionCommitmentReport): ReportTable[] {
  const scopes: Scope<Omit<ReceptionCommitmentFigures, 'lateCases'>>[] = scopesOf(report);
  for (const organization of report.territory?.byRecordingOrganization ?? []) {
    scopes.push({ label: organization.name, figures: organization });
  }
  const late = report.territory?.lateCases ?? report.organization?.lateCases;
  const withRecorder = late?.some((item) => item.recordedBy) ?? false;
  return compact([
    scopes.length === 0
      ? null
      : {
          id: 'accueil-sous-un-mois',
          title: "Demandes d'accueil faites pendant la période : reçues dans le mois, en retard, en attente",
          sheetName: 'Accueil sous un mois',
          columns: [
            text('Périmètre'),
            counts('Demandes'),
            counts('Reçues dans le mois'),
            counts('En retard'),
            counts('En attente'),
            shares('Part reçue dans le mois'),
            days('Retard moyen (jours)'),
            days('Retard médian (jours)'),
          ],
          rows: scopes.map(({ label, figures }) => [
            label,
            figures.total,
            count(figures.met),
            count(figures.late),
            count(figures.open),
            share(figures.shareMet),
            average(figures.daysLate),
            median(figures.daysLate),
          ]),
          chart: { valueColumns: [2, 3, 4] },
        },
    late && late.length > 0
      ? {
          id: 'accueil-retards',
          title: "Demandes d'accueil non tenues dans le mois, les plus anciennes d'abord",
          sheetName: 'Accueils en retard',
          columns: [
            { header: 'Demandée le', kind: 'date' },
            { header: 'Échéance', kind: 'date' },
            days('Jours de retard'),
            { header: 'Reçue le', kind: 'date' },
            ...(withRecorder ? [text('Enregistrée par')] : []),
          ],
          rows: late.map((item) => [
            item.requestedOn,
            item.deadline,
            item.daysLate,
            item.receivedOn ?? 'en attente',
            ...(withRecorder ? [item.recordedBy?.name ?? null] : []),
          ]),
        }
      : null,
  ]);
}

function renewalsTables(report: RenewalsReport): ReportTable[] {
  const scopes = scopesOf<RenewalFigures>(report);
  const first = scopes[0]?.figures.dueWithinNextMonth;
  if (!first) return [];
  const window = `du ${formatCalendarDate(first.from)} au ${formatCalendarDate(first.to)}`;
  return [
    {
      id: 'renouvellements',
      title: `Renouvellements à échéance ${window}, et radiations pour non-renouvellement pendant la période`,
      sheetName: 'Renouvellements',
      columns: [
        text('Périmètre'),
        counts('Échéances dans le mois'),
        counts('Demandeurs relancés'),
        counts('Demandeurs à relancer'),
        counts('Radiations pour non-renouvellement'),
      ],
      rows: scopes.map(({ label, figures }) => [
        label,
        figures.dueWithinNextMonth.total,
        count(figures.dueWithinNextMonth.reminded),
        count(figures.dueWithinNextMonth.notReminded),
        figures.closedNotRenewed,
      ]),
      chart: { valueColumns: [2, 3, 4] },
    },
  ];
}

function waitingTables(report: WaitingTimesReport): ReportTable[] {
  const scopes = scopesOf<WaitingTimeFigures>(report);
  if (scopes.length === 0) return [];
  const several = scopes.length > 1;
  const columns = (keyHeader: string): Column[] => [
    ...(several ? [text('Périmètre')] : []),
    text(keyHeader),
    counts('Demandeurs logés'),
    days('Attente moyenne (jours)'),
    days('Attente médiane (jours)'),
  ];
  const line = (scope: Scope<unknown>, label: string, figure: DaysFigure): Cell[] => [
    ...(several ? [scope.label] : []),
    label,
    figure.cases,
    average(figure),
    median(figure),
  ];
  const chartColumns = several ? [] : [3, 4];
  return [
    {
      id: 'attente-typologie',
      title: "Délai d'attente jusqu'au logement, par typologie souhaitée",
      sheetName: 'Attente par typologie',
      columns: columns('Typologie'),
      rows: scopes.flatMap((scope) => [
        line(scope, 'Toutes typologies', scope.figures.overall),
        ...scope.figures.byTypology.map((item) => line(scope, TYPOLOGY_LABELS[item.typology], item)),
      ]),
      ...(several ? {} : { chart: { valueColumns: chartColumns } }),
    },
    {
      id: 'attente-commune',
      title: "Délai d'attente jusqu'au logement, par commune souhaitée",
      sheetName: 'Attente par commune',
      columns: columns('Commune'),
      rows: scopes.flatMap((scope) =>
        scope.figures.byCommune.map((item) => line(scope, communeLabel(item), item)),
      ),
    },
  ];
}

function documentsTables(report: DocumentsReport): ReportTable[] {
  const scopes = scopesOf<DocumentFigures>(report);
  for (const organization of report.territory?.byPointOfEntry ?? []) {
    scopes.push({ label: organization.name, figures: organization });
  }
  if (scopes.length === 0 || report.measuredOn === null) return [];
  return [
    {
      id: 'pieces',
      title: `Complétude des pièces des demandes enregistrées au ${formatCalendarDate(report.measuredOn)}`,
      sheetName: 'Complétude des pièces',
      columns: [
        text('Périmètre'),
        counts('Demandes enregistrées'),
        counts("Pièces d'enregistrement complètes"),
        shares("Part complète pour l'enregistrement"),
        counts('Toutes pièces obligatoires'),
        shares("Part complète pour l'instruction"),
      ],
      rows: scopes.map(({ label, figures }) => [
        label,
        figures.registeredFiles,
        count(figures.registrationComplete),
        share(figures.registrationComplete),
        count(figures.instructionComplete),
        share(figures.instructionComplete),
      ]),
      chart: { valueColumns: [3, 5] },
    },
  ];
}

function activityTables(report: ActivityReport): ReportTable[] {
  const scopes = scopesOf<ActivityFigures>(report);
  for (const organization of report.territory?.byOrganization ?? []) {
    scopes.push({ label: organization.name, figures: organization });
  }
  if (scopes.length === 0) return [];
  return [
    {
      id: 'activite',
      title: "Activité des points d'accueil pendant la période",
      sheetName: 'Activité',
      columns: [
        text('Organisation'),
        counts('Dossiers créés'),
        counts('Orientations envoyées'),
        counts('Orientations reçues'),
        counts('Rendez-vous honorés'),
        counts("Demandes d'accueil"),
      ],
      rows: scopes.map(({ label, figures }) => [
        label,
        count(figures.filesCreated),
        count(figures.referralsSent),
        count(figures.referralsReceived),
        count(figures.appointmentsHeld),
        count(figures.receptionRequests),
      ]),
      chart: { valueColumns: [1, 2, 3] },
    },
  ];
}

/** The tables of one indicator, from its answer. */
export function indicatorTables<I extends ReportingIndicator>(
  indicator: I,
  report: IndicatorReports[I],
): ReportTable[] {
  switch (indicator) {
    case 'files':
      return filesTables(report as FilesReport);
    case 'referrals':
      return referralsTables(report as ReferralsReport);
    case 'reception-commitment':
      return receptionTables(report as ReceptionCommitmentReport);
    case 'renewals':
      return renewalsTables(report as RenewalsReport);
    case 'waiting-times':
      return waitingTables(report as WaitingTimesReport);
    case 'documents':
      return documentsTables(report as DocumentsReport);
    default:
      return activityTables(report as ActivityReport);
  }
}

/** What to do when an indicator has nothing to show for the period. */
export const EMPTY_INDICATOR_HINTS: Record<ReportingIndicator, string> = {
  files: 'Aucun dossier sur cette période. Choisissez une période plus large.',
  referrals: 'Aucune orientation envoyée sur cette période. Choisissez une période plus large.',
  'reception-commitment':
    "Aucune demande d'accueil enregistrée sur cette période. Les demandes d'accueil se saisissent depuis le dossier du demandeur.",
  renewals: 'Aucun renouvellement à suivre pour le moment.',
  'waiting-times':
    'Aucun demandeur logé sur cette période. Choisissez une période plus large, par exemple une année.',
  documents:
    "La complétude des pièces n'a pas encore été mesurée sur cette période. Elle l'est chaque jour : revenez demain ou choisissez une période plus large.",
  activity: 'Aucune activité enregistrée sur cette période. Choisissez une période plus large.',
};

/** True when a table has no figure but zeros and dashes (an empty state says what to do instead). */
export function isEmptyTable(table: ReportTable): boolean {
  return table.rows.length === 0;
}

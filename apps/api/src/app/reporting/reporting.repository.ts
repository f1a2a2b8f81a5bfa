import { Injectable } from '@nestjs/common';
import type { CalendarDate, OrganizationType, ReportingPeriod } from '@passerelle/shared/domain';
import type { SqlStatement } from '@api/platform/database/sql-params';
import { type Db, Transactions } from '@api/platform/database/transactions';
import {
  type ActivityRow,
  type DocumentSnapshotRow,
  type FileFigureRow,
  type LateReceptionRow,
  type ReceptionFigureRow,
  type ReferralHistogramRow,
  type RenewalFigureRow,
  type ReportingScope,
  type WaitingCaseGroupRow,
  activityQuery,
  documentFiguresQuery,
  fileFiguresQuery,
  lateReceptionQuery,
  receptionFiguresQuery,
  referralHistogramQuery,
  renewalFiguresQuery,
  waitingCasesQuery,
} from './reporting.queries';
import {
  type SummaryStateRow,
  documentSnapshotStatements,
  extendCheckpointsStatement,
  rebuildFileSummaryStatements,
  rebuildWaitingDaysStatements,
  rebuildReceptionFactsStatements,
  rebuildReferralFactsStatements,
  refreshFileSummaryStatement,
  refreshWaitingDaysStatements,
  refreshReceptionFactsStatement,
  refreshReferralFactsStatement,
  saveSummaryStateStatement,
  summaryStateQuery,
} from './reporting-summary.queries';

export interface OrganizationRow {
  id: string;
  name: string;
  type: OrganizationType;
}

export interface CommuneRow {
  insee_code: string;
  name: string;
}

/** The only class that reads the steering figures and writes the reporting summary. */
@Injectable()
export class ReportingRepository {
  constructor(private readonly transactions: Transactions) {}

  private run<T>(statement: SqlStatement, db: Db = this.transactions.pool): Promise<T[]> {
    return db.query<T[]>(statement.text, statement.values);
  }

  organizations(): Promise<OrganizationRow[]> {
    return this.run<OrganizationRow>({ text: 'SELECT id, name, type FROM organization', values: [] });
  }

  communes(): Promise<CommuneRow[]> {
    return this.run<CommuneRow>({ text: 'SELECT insee_code, name FROM commune', values: [] });
  }

  fileFigures(period: ReportingPeriod, scope: ReportingScope): Promise<FileFigureRow[]> {
    return this.run(fileFiguresQuery(period, scope));
  }

  referralHistogram(period: ReportingPeriod, scope: ReportingScope): Promise<ReferralHistogramRow[]> {
    return this.run(referralHistogramQuery(period, scope));
  }

  receptionFigures(period: ReportingPeriod, scope: ReportingScope): Promise<ReceptionFigureRow[]> {
    return this.run(receptionFiguresQuery(period, scope));
  }

  lateReceptions(period: ReportingPeriod, organizationId: string | null): Promise<LateReceptionRow[]> {
    return this.run(lateReceptionQuery(period, organizationId));
  }

  renewalFigures(
    period: ReportingPeriod,
    today: CalendarDate,
    scope: ReportingScope,
  ): Promise<RenewalFigureRow[]> {
    return this.run(renewalFiguresQuery(period, today, scope));
  }

  waitingTimes(period: ReportingPeriod, scope: ReportingScope): Promise<WaitingCaseGroupRow[]> {
    return this.run(waitingCasesQuery(period, scope));
  }

  documentFigures(period: ReportingPeriod, scope: ReportingScope): Promise<DocumentSnapshotRow[]> {
    return this.run(documentFiguresQuery(period, scope));
  }

  activity(period: ReportingPeriod, scope: ReportingScope): Promise<ActivityRow[]> {
    return this.run(activityQuery(period, scope));
  }

  // ── the summary (the job, inside its transaction) ──

  async summaryStates(db: Db = this.transactions.pool): Promise<Map<string, SummaryStateRow>> {
    const rows = await this.run<SummaryStateRow>(summaryStateQuery(), db);
    return new Map(rows.map((row) => [row.name, row]));
  }

  async hasFileFacts(db: Db): Promise<boolean> {
    const rows = await db.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM reporting_file_fact) AS any',
    );
    return rows[0]?.any ?? false;
  }

  async rebuildFileSummary(db: Db, today: CalendarDate): Promise<void> {
    for (const statement of rebuildFileSummaryStatements(today)) await this.run(statement, db);
    for (const statement of rebuildWaitingDaysStatements()) await this.run(statement, db);
    for (const statement of rebuildReferralFactsStatements()) await this.run(statement, db);
    for (const statement of rebuildReceptionFactsStatements(today)) await this.run(statement, db);
    await this.run(saveSummaryStateStatement('files', true), db);
  }

  async refreshFileSummary(
    db: Db,
    since: Date,
    today: CalendarDate,
  ): Promise<{ changed: number; moved: number }> {
    const [refreshed] = await this.run<{ changed: number; moved: number; housed_days: CalendarDate[] }>(
      refreshFileSummaryStatement(since),
      db,
    );
    await this.run(extendCheckpointsStatement(today), db);
    if (refreshed?.housed_days.length) {
      for (const statement of refreshWaitingDaysStatements(refreshed.housed_days))
        await this.run(statement, db);
    }
    await this.run(refreshReferralFactsStatement(since), db);
    await this.run(refreshReceptionFactsStatement(since, today), db);
    await this.run(saveSummaryStateStatement('files', true), db);
    return { changed: refreshed?.changed ?? 0, moved: refreshed?.moved ?? 0 };
  }

  async hasDocumentSnapshot(db: Db, day: CalendarDate): Promise<boolean> {
    const rows = await db.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM reporting_document_snapshot WHERE day = $1) AS any',
      [day],
    );
    return rows[0]?.any ?? false;
  }

  async snapshotDocuments(db: Db, today: CalendarDate): Promise<void> {
    for (const statement of documentSnapshotStatements(today)) await this.run(statement, db);
    await this.run(saveSummaryStateStatement('documents', false), db);
  }
}

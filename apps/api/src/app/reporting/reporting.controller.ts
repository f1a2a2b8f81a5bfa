import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ActivityReport,
  DocumentsReport,
  FilesReport,
  Grant,
  ReceptionCommitmentReport,
  ReferralsReport,
  RenewalsReport,
  WaitingTimesReport,
} from '@passerelle/shared/domain';
import { RequiresAction } from '@api/app/access/action.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { ReportingPeriodQueryDto } from './dto/reporting-requests.dto';
import {
  ActivityReportResponse,
  DocumentsReportResponse,
  FilesReportResponse,
  ReceptionCommitmentReportResponse,
  ReferralsReportResponse,
  RenewalsReportResponse,
  WaitingTimesReportResponse,
} from './dto/reporting-responses';
import { ReportingService } from './reporting.service';

const SCOPE =
  'From the reporting summary, refreshed every few minutes (`summaryRefreshedAt`). ' +
  'Coordinator: the territory, by organisation. Info point agents, social workers, landlords: their ' +
  "organisation's figures and the territory's totals. Relay clerks: their organisation's figures. " +
  'Below the coordinator, counts of 1 to 4 are withheld; for everyone, averages, medians and shares ' +
  'resting on fewer than 5 cases.';

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting')
@RequiresAction('reporting.read')
export class ReportingController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('files')
  @ApiOperation({
    summary: 'Files by status, commune, wished typology and point of entry',
    description: `On the last day of the period (by the status each file had that day) and entered during it. ${SCOPE}`,
  })
  @ApiOkResponse({ type: FilesReportResponse })
  files(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ReportingPeriodQueryDto,
  ): Promise<FilesReport> {
    return this.reporting.files(principal, grant, query);
  }

  @Get('referrals')
  @ApiOperation({
    summary: 'Referrals by origin, destination and outcome, with their delays',
    description: `Referrals sent during the period, by their status; median and average days from sending to the answer and to completion. ${SCOPE}`,
  })
  @ApiOkResponse({ type: ReferralsReportResponse })
  referrals(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ReportingPeriodQueryDto,
  ): Promise<ReferralsReport> {
    return this.reporting.referrals(principal, grant, query);
  }

  @Get('reception-commitment')
  @ApiOperation({
    summary: 'The one-month reception commitment: requests met, late (how late), open',
    description: `Reception requests made during the period: met (an honoured appointment at an info point or social service within the month), late (with how late), open. ${SCOPE}`,
  })
  @ApiOkResponse({ type: ReceptionCommitmentReportResponse })
  receptionCommitment(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ReportingPeriodQueryDto,
  ): Promise<ReceptionCommitmentReport> {
    return this.reporting.receptionCommitment(principal, grant, query);
  }

  @Get('renewals')
  @ApiOperation({
    summary: 'Renewals due within the next month and closures for non-renewal',
    description: `Renewals due from today to one month later (reminded or not); demands closed for non-renewal during the period. ${SCOPE}`,
  })
  @ApiOkResponse({ type: RenewalsReportResponse })
  renewals(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ReportingPeriodQueryDto,
  ): Promise<RenewalsReport> {
    return this.reporting.renewals(principal, grant, query);
  }

  @Get('waiting-times')
  @ApiOperation({
    summary: 'Waiting time from the seniority date to housing, by typology and commune',
    description: `Demands closed as HOUSED during the period; days from the seniority date to the closure, average and median, by wished typology and wished commune, each with its number of cases. ${SCOPE}`,
  })
  @ApiOkResponse({ type: WaitingTimesReportResponse })
  waitingTimes(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ReportingPeriodQueryDto,
  ): Promise<WaitingTimesReport> {
    return this.reporting.waitingTimes(principal, grant, query);
  }

  @Get('documents')
  @ApiOperation({
    summary: 'Document completeness of the registered demands',
    description: `Share of registered demands whose registration line, and every mandatory line, of the document checklist is answered; measured daily, the last measure within the period. ${SCOPE}`,
  })
  @ApiOkResponse({ type: DocumentsReportResponse })
  documents(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ReportingPeriodQueryDto,
  ): Promise<DocumentsReport> {
    return this.reporting.documents(principal, grant, query);
  }

  @Get('activity')
  @ApiOperation({
    summary:
      'Activity per organisation: files created, referrals sent and received, appointments held, reception requests',
    description: SCOPE,
  })
  @ApiOkResponse({ type: ActivityReportResponse })
  activity(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ReportingPeriodQueryDto,
  ): Promise<ActivityReport> {
    return this.reporting.activity(principal, grant, query);
  }
}

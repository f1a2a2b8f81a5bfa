import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  Grant,
  Page,
  RenewalReminderItem,
  RenewalReminderText,
  RenewalReminderView,
} from '@passerelle/shared/domain';
import { pageRequest } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditRead } from '@api/app/audit/audit.decorator';
import { CurrentGrant, CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { ReminderTextQueryDto, RenewalRemindersQueryDto } from './dto/reporting-requests.dto';
import {
  RenewalReminderPageResponse,
  RenewalReminderResponse,
  RenewalReminderTextResponse,
} from './dto/reporting-responses';
import { RenewalRemindersService } from './renewal-reminders.service';

/** Who to remind that their demand falls due, and what to tell them (the files they may list). */
@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting/renewal-reminders')
@RequiresAction('files.list')
export class RenewalRemindersController {
  constructor(private readonly reminders: RenewalRemindersService) {}

  @Get()
  @AuditRead('itemsFile')
  @ApiOperation({
    summary: 'The applicants to remind: renewal due within the next month, not yet reminded',
    description:
      'Registered demands due from today to one month later, soonest first, among the files you may list; ' +
      'each with the French text of the reminder. Contacts are absent for roles that do not see them.',
  })
  @ApiOkResponse({ type: RenewalReminderPageResponse })
  list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: RenewalRemindersQueryDto,
  ): Promise<Page<RenewalReminderItem>> {
    return this.reminders.toRemind(principal, grant, pageRequest(query));
  }

  @Get('text')
  @AuditRead('body')
  @ApiOperation({ summary: "The French text of a file's renewal reminder, from its due date" })
  @ApiConflictResponse({ description: 'The demand is not registered' })
  @ApiOkResponse({ type: RenewalReminderTextResponse })
  text(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Query() query: ReminderTextQueryDto,
  ): Promise<RenewalReminderText> {
    return this.reminders.text(principal, grant, query.fileId);
  }
}

/** Records that the applicant was reminded (whoever meets applicants records what they were told). */
@ApiTags('reporting')
@ApiBearerAuth()
@Controller('applicant-files/:id/renewal-reminders')
export class FileRenewalRemindersController {
  constructor(private readonly reminders: RenewalRemindersService) {}

  @Post()
  @RequiresAction('files.informationNotice')
  @ApiOperation({
    summary: 'Mark the applicant as reminded of the current due date (a RENEWAL_REMINDED event)',
    description: 'Nothing is sent by Passerelle itself: the reminder goes through the configured notifier.',
  })
  @ApiConflictResponse({
    description: 'Not a registered demand, already past its due date, or already reminded of it',
  })
  @ApiCreatedResponse({ type: RenewalReminderResponse })
  remind(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @CurrentGrant() grant: Grant,
    @Param() { id }: IdParam,
  ): Promise<RenewalReminderView> {
    return this.reminders.remind(principal, grant, id);
  }
}

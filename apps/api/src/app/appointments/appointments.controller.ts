import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AppointmentView, Page, WalkInSlotView } from '@passerelle/shared/domain';
import { pageRequest } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { AuditRead } from '@api/app/audit/audit.decorator';
import { CurrentPrincipal } from '@api/app/access/current-principal.decorator';
import type { AuthenticatedPrincipal } from '@api/app/access/principal';
import { IdParam } from '@api/platform/http/id-param';
import { AppointmentsService } from './appointments.service';
import {
  CreateAppointmentDto,
  ListAppointmentsQueryDto,
  UpdateAppointmentDto,
  WalkInSlotsQueryDto,
} from './dto/appointment-requests.dto';
import {
  AppointmentPageResponse,
  AppointmentResponse,
  WalkInSlotResponse,
} from './dto/appointment-responses';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post()
  @RequiresAction('appointments.manage')
  @ApiOperation({ summary: 'Book an appointment of your organisation on a file you may read' })
  @ApiNotFoundResponse({ description: 'The file is missing or outside what you may read' })
  @ApiCreatedResponse({ type: AppointmentResponse })
  create(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Body() body: CreateAppointmentDto,
  ): Promise<AppointmentView> {
    return this.appointments.create(principal, body);
  }

  @Get()
  @RequiresAction('appointments.manage')
  @AuditRead('itemsFile')
  @ApiOperation({ summary: "Your organisation's appointments, by start time" })
  @ApiOkResponse({ type: AppointmentPageResponse })
  list(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Query() query: ListAppointmentsQueryDto,
  ): Promise<Page<AppointmentView>> {
    return this.appointments.list(principal, query, pageRequest(query));
  }

  @Get('walk-in-slots')
  @RequiresAction('appointments.manage')
  @ApiOperation({
    summary:
      "Occurrences of your organisation's walk-in slots between two days (Europe/Paris), at most 92 days",
  })
  @ApiOkResponse({ type: [WalkInSlotResponse] })
  walkInSlots(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Query() query: WalkInSlotsQueryDto,
  ): Promise<WalkInSlotView[]> {
    return this.appointments.walkInSlots(principal, query.from, query.to);
  }

  @Patch(':id')
  @RequiresAction('appointments.manage')
  @ApiOperation({ summary: 'Record the outcome (once started) or move the appointment (not both)' })
  @ApiConflictResponse({
    description: 'Outcome before the start, or moving an appointment that has an outcome',
  })
  @ApiOkResponse({ type: AppointmentResponse })
  update(
    @CurrentPrincipal() principal: AuthenticatedPrincipal,
    @Param() { id }: IdParam,
    @Body() body: UpdateAppointmentDto,
  ): Promise<AppointmentView> {
    return this.appointments.update(principal, id, body);
  }
}

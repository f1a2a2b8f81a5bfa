import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ProConnectRequestView, UserWithActivationCode } from '@passerelle/shared/domain';
import { RequiresAction } from '@api/app/access/action.decorator';
import { IdParam } from '@api/platform/http/id-param';
import { OpenAccountDto, ProConnectRequestResponse, UserWithActivationCodeResponse } from './dto/users.dto';
import { ProConnectRequestsService } from './proconnect-requests.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('proconnect-requests')
export class ProConnectRequestsController {
  constructor(private readonly requests: ProConnectRequestsService) {}

  @Get()
  @RequiresAction('admin.users')
  @ApiOperation({
    summary: 'Agents whom ProConnect let in but who have no account (coordinator), latest first',
  })
  @ApiOkResponse({ type: [ProConnectRequestResponse] })
  list(): Promise<ProConnectRequestView[]> {
    return this.requests.list();
  }

  @Post(':id/account')
  @RequiresAction('admin.users')
  @ApiOperation({
    summary:
      'Open an account for the request: active at once, linked to the agent, signing in with ProConnect only (no activation code)',
  })
  @ApiCreatedResponse({ type: UserWithActivationCodeResponse })
  @ApiConflictResponse({ description: 'Username or e-mail taken' })
  open(@Param() { id }: IdParam, @Body() body: OpenAccountDto): Promise<UserWithActivationCode> {
    return this.requests.open(id, body);
  }

  @Delete(':id')
  @RequiresAction('admin.users')
  @HttpCode(204)
  @ApiOperation({ summary: 'Dismiss the request (the agent may ask again by signing in)' })
  @ApiNoContentResponse()
  async dismiss(@Param() { id }: IdParam): Promise<void> {
    await this.requests.dismiss(id);
  }
}

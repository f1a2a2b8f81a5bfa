import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, UserView, UserWithActivationCode } from '@passerelle/shared/domain';
import { pageRequest } from '@api/platform/http/pagination';
import { RequiresAction } from '@api/app/access/action.decorator';
import { IdParam } from '@api/platform/http/id-param';
import {
  CreateUserDto,
  ListUsersQueryDto,
  UpdateUserDto,
  UserPageResponse,
  UserWithActivationCodeResponse,
} from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequiresAction('admin.users')
  @ApiOperation({ summary: 'The accounts (coordinator)' })
  @ApiOkResponse({ type: UserPageResponse })
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.users.list({ organizationId: query.organizationId, role: query.role }, pageRequest(query));
  }

  @Post()
  @RequiresAction('admin.users')
  @ApiOperation({ summary: 'Create an account; its one-time activation code is answered once' })
  @ApiCreatedResponse({ type: UserWithActivationCodeResponse })
  @ApiConflictResponse({ description: 'Username taken' })
  create(@Body() body: CreateUserDto): Promise<UserWithActivationCode> {
    return this.users.create(body);
  }

  @Patch(':id')
  @RequiresAction('admin.users')
  @ApiOperation({ summary: 'Change, deactivate (sessions end at once) or give a new activation code' })
  @ApiOkResponse({ type: UserWithActivationCodeResponse })
  update(@Param() { id }: IdParam, @Body() body: UpdateUserDto): Promise<UserWithActivationCode> {
    return this.users.update(id, body);
  }
}

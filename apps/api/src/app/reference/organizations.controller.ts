import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganizationView } from '@passerelle/shared/domain';
import { RequiresAction } from '@api/app/access/action.decorator';
import { IdParam } from '@api/platform/http/id-param';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organizations.dto';
import { OrganizationResponse } from './dto/reference.responses';
import { OrganizationsService } from './organizations.service';

/** The coordinator adds organisations to the network, or changes them. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @RequiresAction('admin.organizations')
  @ApiOperation({ summary: 'Add an organisation (coordinator)' })
  @ApiCreatedResponse({ type: OrganizationResponse })
  create(@Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.create(body);
  }

  @Patch(':id')
  @RequiresAction('admin.organizations')
  @ApiOperation({ summary: 'Rename, change the registration capability, or deactivate (coordinator)' })
  @ApiOkResponse({ type: OrganizationResponse })
  update(@Param() { id }: IdParam, @Body() body: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.update(id, body);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommuneView, OrganizationView } from '@passerelle/shared/domain';
import { RequiresAction } from '@api/app/access/action.decorator';
import { CommuneResponse, OrganizationResponse } from './dto/reference.responses';
import { toCommuneView, toOrganizationView } from './reference.mapper';
import { ReferenceRepository } from './reference.repository';

@ApiTags('reference')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceRepository) {}

  @Get('communes')
  @RequiresAction('reference.read')
  @ApiOperation({ summary: 'The 60 current communes of the CCLO (not paginated)' })
  @ApiOkResponse({ type: [CommuneResponse] })
  async communes(): Promise<CommuneView[]> {
    return (await this.reference.currentCommunes()).map(toCommuneView);
  }

  @Get('organizations')
  @RequiresAction('reference.read')
  @ApiOperation({ summary: 'The active organisations of the network (not paginated)' })
  @ApiOkResponse({ type: [OrganizationResponse] })
  async organizations(): Promise<OrganizationView[]> {
    return (await this.reference.activeOrganizations()).map(toOrganizationView);
  }
}

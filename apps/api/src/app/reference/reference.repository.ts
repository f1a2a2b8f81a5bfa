import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CommuneEntity } from './commune.entity';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class ReferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  currentCommunes(): Promise<CommuneEntity[]> {
    return this.dataSource
      .getRepository(CommuneEntity)
      .find({ where: { current: true }, order: { name: 'ASC' } });
  }

  activeOrganizations(): Promise<OrganizationEntity[]> {
    return this.dataSource
      .getRepository(OrganizationEntity)
      .find({ where: { active: true }, order: { type: 'ASC', name: 'ASC' } });
  }
}

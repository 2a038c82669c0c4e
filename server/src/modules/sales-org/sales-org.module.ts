import { Module } from '@nestjs/common';
import { SalesOrgController } from './sales-org.controller';
import { SalesOrgRepository } from './sales-org.repository';
import { SalesOrgService } from './sales-org.service';
import { TeamAccess } from './team-access';

/** Sales groups, members' territory, capacity and availability: what routing hands leads to. */
@Module({ controllers: [SalesOrgController], providers: [SalesOrgService, SalesOrgRepository, TeamAccess], exports: [SalesOrgRepository, TeamAccess] })
export class SalesOrgModule {}

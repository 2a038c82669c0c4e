import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { LeadAccess } from './lead-access';
import { LeadOwners } from './lead-owners';
import { LeadService } from './leads.service';
import { StageRequests } from './stage-requests';
import { LeadStages } from './stages';
import { StagesController } from './stages.controller';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { leadsMerge } from './leads.merge';
import { LeadTimelineSources } from './timeline-sources';

@Module({ controllers: [StagesController], providers: [LeadService, LeadAccess, LeadStages, StageRequests, LeadOwners, LeadTimelineSources], exports: [LeadService, LeadAccess, LeadStages, LeadOwners, LeadTimelineSources] })
export class LeadsModule implements OnModuleInit {
  constructor(
    private readonly merges: PersonMergeRegistry,
    private readonly pipeline: Pipeline,
    private readonly leads: LeadService,
  ) {}

  onModuleInit(): void {
    this.merges.register(leadsMerge);
    this.pipeline.register(this.leads);
  }
}

import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { LeadAccess } from './lead-access';
import { LeadService } from './leads.service';
import { PersonMergeRegistry } from '../person-merge/person-merge';
import { leadsMerge } from './leads.merge';

@Module({ providers: [LeadService, LeadAccess], exports: [LeadService, LeadAccess] })
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

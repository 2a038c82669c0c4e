import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { LeadAccess } from './lead-access';
import { LeadOwners } from './lead-owners';
import { LeadService } from './leads.service';

@Module({ providers: [LeadService, LeadAccess, LeadOwners], exports: [LeadService, LeadAccess, LeadOwners] })
export class LeadsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly leads: LeadService,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.leads);
  }
}

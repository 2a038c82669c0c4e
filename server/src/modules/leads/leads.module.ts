import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { LeadAccess } from './lead-access';
import { LeadService } from './leads.service';

@Module({ providers: [LeadService, LeadAccess], exports: [LeadService, LeadAccess] })
export class LeadsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly leads: LeadService,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.leads);
  }
}

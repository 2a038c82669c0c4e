import { Module, type OnModuleInit } from '@nestjs/common';
import { Pipeline } from '../activity/pipeline';
import { LeadService } from './leads.service';

@Module({ providers: [LeadService], exports: [LeadService] })
export class LeadsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly leads: LeadService,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.leads);
  }
}

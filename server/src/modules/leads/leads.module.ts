import { Module } from '@nestjs/common';
import { LeadService } from './leads.service';

@Module({ providers: [LeadService], exports: [LeadService] })
export class LeadsModule {}

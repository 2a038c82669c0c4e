import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PersonDataModule, PersonDataRegistry, type PersonDataContributor } from '../privacy/person-data';
import { LeadEntity } from './leads.entity';

/** The person's lead in 我的's export; erasure removes it (it is about the person). */
@Injectable()
export class LeadsPersonData implements PersonDataContributor {
  readonly section = 'lead';
  readonly placement = 'document';

  constructor(private readonly dataSource: DataSource) {}

  async export(personId: string): Promise<unknown> {
    const lead = await this.dataSource.manager.findOneBy(LeadEntity, { personId });
    return {
      lead: lead && {
        status: lead.status,
        firstActivity: lead.firstKind,
        lastActivity: lead.lastKind,
        activityCount: lead.activityCount,
        createdAt: lead.createdAt.toISOString(),
        lastActivityAt: lead.lastActivityAt.toISOString(),
      },
    };
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(LeadEntity, { personId });
  }
}

/** Registers the leads' part of 我的 (its own module, so the leads module itself stays as it is). */
@Module({ imports: [PersonDataModule], providers: [LeadsPersonData] })
export class LeadsPersonDataModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonDataRegistry,
    private readonly leads: LeadsPersonData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.leads);
  }
}

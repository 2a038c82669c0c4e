import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LeadStageChangeEntity, ScoreItemEntity } from '../leads/leads.entity';
import type { PersonDataContributor } from '../privacy/person-data';

/**
 * What scoring holds about a person, in 我的's export: the rules that fired for them (with when and
 * how many points) and their lead's stage history. Erasure removes both with the lead.
 */
@Injectable()
export class ScoringPersonData implements PersonDataContributor {
  readonly section = 'leadScoring';
  readonly placement = 'section';

  constructor(private readonly dataSource: DataSource) {}

  async export(personId: string): Promise<unknown> {
    const em = this.dataSource.manager;
    const items = await em.find(ScoreItemEntity, { where: { personId }, order: { occurredAt: 'ASC', id: 'ASC' } });
    const stages = await em.find(LeadStageChangeEntity, { where: { personId }, order: { id: 'ASC' } });
    return {
      scoreItems: items.map((i) => ({ rule: i.ruleLabel, dimension: i.dimension, points: i.points, at: i.occurredAt.toISOString() })),
      stageChanges: stages.map((s) => ({ from: s.fromStage, to: s.toStage, reason: s.reason, at: s.createdAt.toISOString() })),
    };
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await em.delete(ScoreItemEntity, { personId });
    await em.delete(LeadStageChangeEntity, { personId });
  }
}

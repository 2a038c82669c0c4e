import { Injectable } from '@nestjs/common';
import { RuleSetDraft } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../core/clock';
import { lockForUpdate } from '../../database/locks';
import { insertNew } from '../../database/sql';
import { LeadSettingsEntity } from '../leads/leads.entity';
import { DefaultRuleSet } from './rules';
import { ScoreRuleSetEntity } from './scoring.entity';

/** A saved rule set version with what it scores by. */
export interface ActiveRules {
  version: number;
  set: RuleSetDraft;
  settings: LeadSettingsEntity;
}

/**
 * The versioned rule sets. A version never changes once saved, so parsed versions are kept in
 * memory; the settings row (active version, half-life, MQL thresholds) is read each time.
 * A fresh install has no rule set row: the defaults are stored as the settings' version on first read.
 */
@Injectable()
export class RuleSets {
  private readonly parsed = new Map<number, { set: RuleSetDraft; createdAt: Date; createdBy: string | null }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async active(em: EntityManager = this.dataSource.manager): Promise<ActiveRules> {
    const settings = await em.findOneByOrFail(LeadSettingsEntity, { id: 'default' });
    return { version: settings.ruleVersion, set: (await this.version(em, settings.ruleVersion)).set, settings };
  }

  async version(em: EntityManager, version: number) {
    const known = this.parsed.get(version);
    if (known) return known;
    let row = await em.findOneBy(ScoreRuleSetEntity, { version });
    if (!row) {
      await insertNew(em, 'score_rule_sets', [{ version, rules: JSON.stringify(DefaultRuleSet), created_by_staff_id: null, created_at: this.clock.now() }]);
      row = await em.findOneByOrFail(ScoreRuleSetEntity, { version });
    }
    const entry = { set: RuleSetDraft.parse(JSON.parse(row.rules)), createdAt: row.createdAt, createdBy: row.createdByStaffId };
    this.parsed.set(version, entry);
    return entry;
  }

  /** Stores the draft as the next version and makes it the active one (in the caller's transaction). */
  async save(em: EntityManager, draft: RuleSetDraft, staffId: string): Promise<number> {
    // the settings row's lock makes concurrent saves take turns for the next number
    const settings = await lockForUpdate(em.createQueryBuilder(LeadSettingsEntity, 's').where("s.id = 'default'")).getOneOrFail();
    const [{ v }]: { v: number | string | null }[] = await em.query('SELECT MAX(version) AS v FROM score_rule_sets');
    const version = Math.max(Number(v ?? 0), settings.ruleVersion) + 1;
    await em.insert(ScoreRuleSetEntity, { version, rules: JSON.stringify(draft), createdByStaffId: staffId, createdAt: this.clock.now() });
    await em.update(LeadSettingsEntity, { id: 'default' }, { ruleVersion: version, updatedByStaffId: staffId, updatedAt: this.clock.now() });
    return version;
  }
}

import { Injectable } from '@nestjs/common';
import type { RoutingRuleList, RoutingTestRequest, RoutingTestResult, SaveRoutingRules } from '@leadloop/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { newId } from '../../database/ids';
import { AccountEntity } from '../accounts/accounts.entity';
import { PersonEntity } from '../identity/identity.entity';
import { SalesGroupEntity } from '../sales-org/sales-org.entity';
import { StaffEntity } from '../staff/staff.entity';
import { factsOf } from './routing-context';
import { RoutingRuleEntity } from './routing.entity';
import { ruleGroupUnknown } from './routing.errors';
import { firstMatch } from './rules';

/** The ordered routing rules marketers edit, and the tester that answers "which rule would take this lead?". */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(em: EntityManager = this.dataSource.manager): Promise<RoutingRuleList> {
    const rules = await em.find(RoutingRuleEntity, { order: { position: 'ASC' } });
    const groups = await groupNames(em, rules.map((r) => r.groupId));
    const author = rules[0]?.createdBy ? await em.findOneBy(StaffEntity, { id: rules[0].createdBy }) : null;
    return {
      items: rules.map((r) => ({ id: r.id, name: r.name, regions: r.regions, industries: r.industries, sizeBands: r.sizeBands, tiers: r.tiers, group: { id: r.groupId, name: groups.get(r.groupId) ?? '已删除的组' }, enabled: r.enabled === 1 })),
      updatedAt: rules[0]?.createdAt.toISOString() ?? null,
      updatedBy: author?.name ?? null,
    };
  }

  /** Replaces the list in one transaction: routing reads either the old list or the new one, never a mix. */
  save(auth: AuthContext, body: SaveRoutingRules): Promise<RoutingRuleList> {
    return this.dataSource.transaction(async (em) => {
      const groups = await groupNames(em, body.rules.map((r) => r.groupId));
      const unknown = body.rules.flatMap((r, i) => (groups.has(r.groupId) ? [] : [i]));
      if (unknown.length > 0) throw ruleGroupUnknown(unknown);
      const now = this.clock.now();
      await em.createQueryBuilder().delete().from(RoutingRuleEntity).execute();
      if (body.rules.length > 0) {
        await em.insert(
          RoutingRuleEntity,
          body.rules.map((r, position) => ({ id: newId(now.getTime()), position, name: r.name, regions: r.regions, industries: r.industries, sizeBands: r.sizeBands, tiers: r.tiers, groupId: r.groupId, enabled: r.enabled ? 1 : 0, createdBy: auth.staff!.id, createdAt: now })),
        );
      }
      return this.list(em);
    });
  }

  async test(body: RoutingTestRequest): Promise<RoutingTestResult> {
    const em = this.dataSource.manager;
    const facts = 'facts' in body ? body.facts : await this.factsOfPerson(em, body.personId);
    const rules = await em.find(RoutingRuleEntity, { order: { position: 'ASC' } });
    const rule = firstMatch(rules, facts);
    if (!rule) return { facts, rule: null };
    const groups = await groupNames(em, [rule.groupId]);
    return { facts, rule: { id: rule.id, name: rule.name, position: rules.indexOf(rule) + 1, group: { id: rule.groupId, name: groups.get(rule.groupId) ?? '已删除的组' } } };
  }

  private async factsOfPerson(em: EntityManager, personId: string) {
    const person = await em.findOneBy(PersonEntity, { id: personId });
    if (!person || person.erasedAt) throw new AppError('LEAD_NOT_FOUND', 'No such lead');
    const account = person.accountId ? await em.findOneBy(AccountEntity, { id: person.accountId }) : null;
    return factsOf(person, account);
  }
}

async function groupNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await em.find(SalesGroupEntity, { select: { id: true, name: true }, where: { id: In(unique) } })).map((g) => [g.id, g.name]));
}

import type { RoutingFacts } from '@leadloop/shared';
import type { SalesMemberEntity } from '../sales-org/sales-org.entity';
import type { RoutingRuleEntity } from './routing.entity';

/** A list condition: empty takes every value (an unknown one too); otherwise the value must be listed. */
function accepts<T>(list: readonly T[], value: T | null): boolean {
  return list.length === 0 || (value !== null && list.includes(value));
}

/** The first enabled rule, in list order, whose every condition the lead meets; null when none does. */
export function firstMatch(rules: readonly RoutingRuleEntity[], facts: RoutingFacts): RoutingRuleEntity | null {
  return (
    rules.find((r) => r.enabled === 1 && accepts(r.regions, facts.region) && accepts(r.industries, facts.industry) && accepts(r.sizeBands, facts.sizeBand) && accepts(r.tiers, facts.tier)) ??
    null
  );
}

/** Whether a member's territory covers the lead (an empty list covers everything). */
export function inTerritory(member: Pick<SalesMemberEntity, 'regions' | 'industries' | 'tiers'>, facts: RoutingFacts): boolean {
  return accepts(member.regions, facts.region) && accepts(member.industries, facts.industry) && accepts(member.tiers, facts.tier);
}

import { Injectable } from '@nestjs/common';
import { type LeadStage, type RoutingTrigger, StaffRoleLabels } from '@leadloop/shared';
import { type EntityManager, In } from 'typeorm';
import { Clock } from '../../core/clock';
import type { ActivityProps } from '../activity/activity';
import type { EventEntity } from '../activity/activity.entity';
import type { StreamConsumer } from '../activity/pipeline';
import { LeadService } from '../leads/leads.service';
import { LeadStageChangeEntity } from '../leads/leads.entity';
import { LeadStages } from '../leads/stages';
import { unavailableBecause } from '../sales-org/availability';
import { type Rotation, RoundRobin } from './round-robin';
import { RoutingContext } from './routing-context';
import { type DecisionDraft, RoutingRecorder } from './routing-recorder';
import { RoutingDecisionEntity } from './routing.entity';
import { firstMatch } from './rules';

/** The stage rule routing moves a hand-raised lead to MQL with; its stage changes are not routed again. */
export const HAND_RAISE_RULE = 'hand_raise';
const SALES_ROLES: ReadonlySet<string> = new Set(['sales', 'sdr']);
const SKIP_LABELS = { paused: '暂停接单', on_leave: '休假中', at_capacity: '已达上限', disabled: '已停用', out_of_territory: '不在负责区域' } as const;

interface Trigger {
  event: EventEntity;
  personId: string;
  kind: RoutingTrigger;
}

/**
 * Routing on MQL and on 请联系我, a consumer of the activity stream. For each lead reaching MQL
 * (a `stage_change` to mql) or asking to be contacted (`contact_request`, which skips the
 * thresholds: the lead is moved to MQL first), in this order:
 *   1. the person already has a salesperson (an assignment), or their account an owner → nobody
 *      new: the owner is signalled ("your customer has new activity"), once a day at most;
 *   2. the share chain gave the person to a salesperson (first touch, the card they asked on) →
 *      them, unless paused or on leave; to a partner → the partner, or their group's manager (the
 *      channel manager) when the group says so;
 *   3. the first enabled routing rule that matches → round-robin in its group;
 *   4. nothing matches, or nobody in the group can take it → the unassigned queue.
 * Every decision is a row with its reason; the triggering event's id is unique on it, so an
 * event delivered again decides nothing twice.
 */
@Injectable()
export class Router implements StreamConsumer {
  readonly name = 'routing';
  // routing starts with the events after it is deployed: past MQLs were handed off by hand
  readonly startAt = 'now';

  constructor(
    private readonly clock: Clock,
    private readonly leads: LeadService,
    private readonly stages: LeadStages,
    private readonly roundRobin: RoundRobin,
    private readonly recorder: RoutingRecorder,
  ) {}

  async handle(em: EntityManager, events: EventEntity[]): Promise<void> {
    const triggers = await this.pending(em, await triggersOf(em, events));
    if (triggers.length === 0) return;
    const handRaises = triggers.filter((t) => t.kind === 'contact_request');
    if (handRaises.length > 0) await this.leads.ensureLeads(em, handRaises.map((t) => t.event));
    const ctx = await RoutingContext.load(em, triggers.map((t) => t.personId), this.clock.now());
    for (const t of handRaises) await this.promote(em, ctx, t.personId);
    const rotations = new Map<string, Rotation | null>();
    const drafts: DecisionDraft[] = [];
    for (const t of triggers) {
      const draft = await this.decide(em, ctx, t, rotations);
      if (draft) drafts.push(draft);
    }
    for (const rotation of rotations.values()) await rotation?.save(em);
    await this.recorder.record(em, drafts);
  }

  /** Triggers not decided before (a replay, or an event quarantined and handed back). */
  private async pending(em: EntityManager, triggers: Trigger[]): Promise<Trigger[]> {
    if (triggers.length === 0) return triggers;
    const done = await em.find(RoutingDecisionEntity, { select: { eventId: true }, where: { eventId: In(triggers.map((t) => t.event.id)) } });
    const decided = new Set(done.map((d) => d.eventId));
    return triggers.filter((t) => !decided.has(t.event.id));
  }

  /** A hand-raise skips the thresholds: a lead short of MQL (or back in nurture) becomes one. */
  private async promote(em: EntityManager, ctx: RoutingContext, personId: string): Promise<void> {
    const lead = ctx.lead(personId);
    if (!lead) return;
    const path: Partial<Record<LeadStage, LeadStage[]>> = { new: ['engaged', 'mql'], engaged: ['mql'], nurture: ['mql'] };
    for (const to of path[lead.stage] ?? []) {
      const moved = await this.stages.change(em, personId, to, { byRule: HAND_RAISE_RULE });
      lead.stage = moved.stage;
    }
  }

  private async decide(em: EntityManager, ctx: RoutingContext, t: Trigger, rotations: Map<string, Rotation | null>): Promise<DecisionDraft | null> {
    const lead = ctx.lead(t.personId);
    if (!lead) return null;
    const base = { personId: t.personId, eventId: t.event.id, trigger: t.kind, previousStaffId: lead.ownerStaffId, groupId: null, ruleId: null, byStaffId: null, signalled: false };
    const signal = (staffId: string, step: 'owner' | 'account_owner', reason: string): DecisionDraft => {
      const fresh = !ctx.wasToldRecently(t.personId, staffId);
      ctx.markTold(t.personId, staffId);
      return { ...base, outcome: 'signalled_owner', step, staffId, signalled: fresh, reason: fresh ? reason : `${reason}（24 小时内已通知，不重复提醒）` };
    };
    const assign = (staffId: string, step: DecisionDraft['step'], reason: string, extra: Partial<DecisionDraft> = {}): DecisionDraft => {
      ctx.assignments.set(t.personId, staffId);
      ctx.markTold(t.personId, staffId);
      lead.ownerStaffId = staffId;
      return { ...base, outcome: 'assigned', step, staffId, reason, ...extra };
    };

    // 1. already someone's customer
    const owner = ctx.activeStaff(ctx.assignments.get(t.personId));
    if (owner) return signal(owner.id, 'owner', `已分配给 ${owner.name}，不再新建线索`);
    const account = ctx.account(t.personId);
    const accountOwner = ctx.activeStaff(account?.ownerStaffId);
    if (account && accountOwner) return signal(accountOwner.id, 'account_owner', `所属客户「${account.name}」由 ${accountOwner.name} 负责`);

    // 2. the salesperson or partner the share chain gave them to
    const notes: string[] = [];
    const root = ctx.activeStaff(ctx.chainOwner(t.personId));
    if (root?.role === 'partner') {
      const member = ctx.members.get(root.id);
      const group = member ? ctx.groups.get(member.groupId) : undefined;
      const manager = group?.partnerLeads === 'manager' ? ctx.activeStaff(group.managerStaffId) : null;
      if (manager) return assign(manager.id, 'partner', `渠道伙伴 ${root.name} 带来，按「${group!.name}」设置转给渠道经理 ${manager.name}`, { groupId: group!.id });
      return assign(root.id, 'partner', `渠道伙伴 ${root.name} 带来，留给渠道伙伴`, { groupId: group?.id ?? null });
    }
    if (root && SALES_ROLES.has(root.role)) {
      const member = ctx.members.get(root.id);
      const away = member ? unavailableBecause({ ...member, capacity: null }, 0, this.clock.now()) : null;
      const brought = t.kind === 'contact_request' ? `在 ${root.name} 的名片或分享中请求联系` : `${StaffRoleLabels[root.role]} ${root.name} 的分享带来`;
      if (!away) return assign(root.id, 'share_root', brought, { groupId: member?.groupId ?? null });
      notes.push(`分享来源 ${root.name}${SKIP_LABELS[away]}`);
    }

    // 3. the rules, then round-robin in the group
    const facts = ctx.facts(t.personId);
    const rule = firstMatch(ctx.rules, facts);
    if (!rule) return { ...base, outcome: 'unassigned', step: 'no_match', staffId: null, reason: [...notes, '没有匹配的分配规则'].join('；') };
    if (!rotations.has(rule.groupId)) rotations.set(rule.groupId, await this.roundRobin.begin(em, rule.groupId));
    const rotation = rotations.get(rule.groupId) ?? null;
    const picked = rotation?.pick(facts) ?? null;
    const groupName = rotation?.group.name ?? '已删除的组';
    const skipped = (picked?.skipped ?? []).map((s) => `${rotation?.staffOf(s.staffId)?.name ?? '成员'}${SKIP_LABELS[s.why]}`);
    if (!picked) return { ...base, outcome: 'unassigned', step: 'group_full', staffId: null, groupId: rotation ? rule.groupId : null, ruleId: rule.id, reason: [...notes, `规则「${rule.name}」→「${groupName}」，组内无人可接`].join('；') };
    ctx.staff.set(picked.staffId, rotation!.staffOf(picked.staffId)!);
    return assign(picked.staffId, 'rule', [...notes, `规则「${rule.name}」→「${groupName}」轮询`, ...(skipped.length ? [`跳过：${skipped.join('、')}`] : [])].join('；'), { groupId: rule.groupId, ruleId: rule.id });
  }
}

/** The events that trigger routing: a stage change to MQL (not one routing made itself), a contact request. */
async function triggersOf(em: EntityManager, events: EventEntity[]): Promise<Trigger[]> {
  const server = events.filter((e) => e.origin === 'server' && e.personId && e.props);
  const changeIds = server.filter((e) => e.type === 'stage_change').map((e) => (JSON.parse(e.props!) as ActivityProps).refId);
  const toMql = new Set(
    changeIds.length === 0
      ? []
      : (await em.find(LeadStageChangeEntity, { select: { id: true, toStage: true, byRule: true }, where: { id: In(changeIds) } })).filter((c) => c.toStage === 'mql' && c.byRule !== HAND_RAISE_RULE).map((c) => c.id),
  );
  return server.flatMap((e): Trigger[] => {
    if (e.type === 'contact_request') return [{ event: e, personId: e.personId!, kind: 'contact_request' }];
    if (e.type === 'stage_change' && toMql.has((JSON.parse(e.props!) as ActivityProps).refId)) return [{ event: e, personId: e.personId!, kind: 'mql' }];
    return [];
  });
}

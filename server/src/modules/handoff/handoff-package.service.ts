import { Injectable } from '@nestjs/common';
import { chinaDayOf, feedbackAllowedAt, FeedbackKinds, StageTransitions, type HandoffContact, type BuyingRole, type FitGrade, type LeadHandoff, type LeadStage } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { AccountEntity } from '../accounts/accounts.entity';
import { PersonEntity } from '../identity/identity.entity';
import { LeadAccess } from '../leads/lead-access';
import { displayNameOf, LeadViews } from '../leads/lead-views';
import { feedbackView } from './feedback-views';
import { LeadFeedbackEntity } from './handoff.entity';

const OTHER_CONTACTS = 20;
const RECENT_FEEDBACK = 5;

interface ContactRow {
  id: string;
  real_name: string | null;
  nickname: string | null;
  job_title: string | null;
  buying_role: BuyingRole | null;
  stage: LeadStage | null;
  fit_grade: FitGrade | null;
  owner_staff_id: string | null;
}

/**
 * What a salesperson works from beside the lead detail (which already carries who, first touch and
 * share chain, consents; the score breakdown and the timeline have their own routes): the account
 * and its other contacts, the next follow-up, the opportunity, the latest feedback, and which
 * feedback and stage moves the caller may make now.
 */
@Injectable()
export class HandoffPackageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly views: LeadViews,
    private readonly clock: Clock,
  ) {}

  async package(auth: AuthContext, personId: string): Promise<LeadHandoff> {
    const lead = await this.access.readable(auth, personId);
    const scope = this.access.scopeOf(auth);
    const em = this.dataSource.manager;
    const person = await em.findOneOrFail(PersonEntity, { where: { id: personId }, select: { id: true, accountId: true } });
    const [account, contacts, recent, opportunity, won] = await Promise.all([
      person.accountId ? em.findOneBy(AccountEntity, { id: person.accountId }) : null,
      person.accountId ? this.otherContacts(person.accountId, personId) : { rows: [] as ContactRow[], total: 0 },
      em.find(LeadFeedbackEntity, { where: { personId }, order: { createdAt: 'DESC', id: 'DESC' }, take: RECENT_FEEDBACK }),
      em.findOne(LeadFeedbackEntity, { where: { personId, kind: 'opportunity' }, order: { createdAt: 'DESC', id: 'DESC' } }),
      em.findOne(LeadFeedbackEntity, { where: { personId, kind: 'won' }, order: { createdAt: 'DESC', id: 'DESC' } }),
    ]);
    const names = await this.views.staffNames([...contacts.rows.map((c) => c.owner_staff_id), ...recent.map((f) => f.byStaffId)]);
    const followUpOn = lead.nextFollowUpAt ? chinaDayOf(lead.nextFollowUpAt) : null;
    return {
      account: account ? { id: account.id, name: account.name, isTarget: Number(account.isTarget) === 1, tier: account.tier, contactCount: contacts.total + 1 } : null,
      otherContacts: contacts.rows.map(
        (c): HandoffContact => ({
          id: c.id,
          displayName: displayNameOf({ name: c.real_name, nickname: c.nickname }),
          title: c.job_title,
          buyingRole: c.buying_role,
          stage: c.stage,
          grade: c.fit_grade,
          owner: c.owner_staff_id ? (names.get(c.owner_staff_id) ?? null) : null,
          openable: c.stage !== null && (scope.all || c.owner_staff_id === scope.ownerStaffId),
        }),
      ),
      followUpOn,
      followUpDue: followUpOn !== null && followUpOn <= chinaDayOf(this.clock.now()),
      opportunity: opportunity && opportunity.amountFen !== null && opportunity.closeOn ? { amountFen: opportunity.amountFen, expectedCloseOn: opportunity.closeOn, at: opportunity.createdAt.toISOString() } : null,
      wonAmountFen: won?.amountFen ?? null,
      actions: FeedbackKinds.filter((kind) => feedbackAllowedAt(kind, lead.stage)),
      stageMoves: scope.all ? [...StageTransitions[lead.stage]] : [],
      recent: recent.map((f) => feedbackView(f, names.get(f.byStaffId) ?? '已离职成员')),
    };
  }

  /** The account's other people, decision makers first, then by intent; and how many there are. */
  private async otherContacts(accountId: string, personId: string): Promise<{ rows: ContactRow[]; total: number }> {
    const rows: ContactRow[] = await this.dataSource.query(
      `SELECT p.id, p.real_name, p.nickname, p.job_title, p.buying_role, l.stage, l.fit_grade, l.owner_staff_id
         FROM persons p LEFT JOIN leads l ON l.person_id = p.id
        WHERE p.account_id = ? AND p.id <> ? AND p.erased_at IS NULL
        ORDER BY CASE p.buying_role WHEN 'decision_maker' THEN 0 WHEN 'influencer' THEN 1 WHEN 'procurement' THEN 2 WHEN 'user' THEN 3 ELSE 4 END, l.intent_key DESC, p.id
        LIMIT ${OTHER_CONTACTS}`,
      [accountId, personId],
    );
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM persons p WHERE p.account_id = ? AND p.id <> ? AND p.erased_at IS NULL', [accountId, personId]);
    return { rows, total: Number(n) };
  }
}

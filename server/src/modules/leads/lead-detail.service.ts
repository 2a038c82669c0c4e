import { Injectable } from '@nestjs/common';
import type { ContentType, LeadDetail } from '@leadloop/shared';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { AuthContext } from '../../core/route';
import { mayOpenAccount } from '../accounts/accounts.service';
import { CardContactRequestEntity } from '../card/card.entity';
import { HomeContactRequestEntity } from '../home-page/home-page.entity';
import { PersonEntity } from '../identity/identity.entity';
import { ConsentLedger } from '../profile/consent.ledger';
import { ContentTitles } from '../share-chain/content-titles';
import { ChannelEntity, PersonAttributionEntity } from '../share-chain/share-chain.entity';
import { ShareChainRepository } from '../share-chain/share-chain.repository';
import { StaffEntity } from '../staff/staff.entity';
import { LeadAccess } from './lead-access';
import { PersonTagEntity } from './leads.entity';
import { displayNameOf, LeadViews, lastActivityOf, named } from './lead-views';

/** The notes shown on a lead: the latest few are what a salesperson needs before calling. */
const CONTACT_NOTES = 5;

/** One lead as its owner (or the pool) reads it; the full phone number only through the reveal. */
@Injectable()
export class LeadDetailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly views: LeadViews,
    private readonly consents: ConsentLedger,
    private readonly nodes: ShareChainRepository,
    private readonly titles: ContentTitles,
  ) {}

  async detail(auth: AuthContext, personId: string): Promise<LeadDetail> {
    const lead = await this.access.readable(auth, personId);
    const em = this.dataSource.manager;
    const [person, tags, halfLife, firstTouch, consents, contactNotes] = await Promise.all([
      em.findOneByOrFail(PersonEntity, { id: personId }),
      em.find(PersonTagEntity, { where: { personId }, order: { tag: 'ASC' } }),
      this.views.halfLifeDays(),
      this.firstTouch(personId),
      this.consents.current(personId),
      this.contactNotes(personId),
    ]);
    const [owners, account] = await Promise.all([this.views.staffNames([lead.ownerStaffId]), this.views.account(person.accountId)]);
    return {
      id: personId,
      displayName: displayNameOf(person),
      name: person.name,
      nickname: person.nickname,
      company: person.company,
      title: person.title,
      email: person.email,
      industry: person.industry,
      province: person.province,
      city: person.city,
      sizeBand: person.sizeBand,
      department: person.department,
      seniority: person.seniority,
      buyingRole: person.buyingRole,
      tags: tags.map((t) => t.tag),
      phoneMasked: person.phoneMasked,
      phoneRevealable: !!person.phoneEnc && this.access.mayRevealPhones(auth),
      account: account && { id: account.id, name: account.name, openable: mayOpenAccount(auth, account) },
      stage: lead.stage,
      stageChangedAt: lead.stageChangedAt?.toISOString() ?? null,
      grade: lead.fitGrade,
      score: this.views.scoreNow(lead.intentKey, halfLife),
      owner: named(lead.ownerStaffId, owners),
      createdAt: lead.createdAt.toISOString(),
      lastActivity: lastActivityOf(lead.lastKind, lead.lastActivityAt),
      firstTouch,
      consents: consents.map((c) => ({ purpose: c.purpose, granted: c.action === 'granted', policyVersion: c.policyVersion, at: c.at.toISOString() })),
      contactNotes,
    };
  }

  /** How they came: the first touch's channel and content, and the sharers from the chain's root to the one who brought them. */
  private async firstTouch(personId: string): Promise<LeadDetail['firstTouch']> {
    const attribution = await this.dataSource.manager.findOneBy(PersonAttributionEntity, { personId });
    if (!attribution?.firstAt) return null;
    const [chain, channel] = await Promise.all([
      attribution.firstNodeId ? this.nodes.chainOf(attribution.firstNodeId) : Promise.resolve([]),
      attribution.firstChannelId ? this.dataSource.manager.findOneBy(ChannelEntity, { id: attribution.firstChannelId }) : Promise.resolve(null),
    ]);
    const last = chain[chain.length - 1];
    const [names, titleOf] = await Promise.all([this.sharerNames(chain.map((n) => n.sharerPersonId)), this.titles.titlesOf(last ? [{ contentType: last.contentType, contentId: last.contentId }] : [])]);
    return {
      at: attribution.firstAt.toISOString(),
      channel: channel?.name ?? null,
      content: last ? { type: last.contentType, id: last.contentId, title: titleOf({ contentType: last.contentType as ContentType, contentId: last.contentId }) } : null,
      chain: chain.map((n) => ({ name: names.get(n.sharerPersonId) ?? '未留名', staff: !!n.sharerStaffId })),
    };
  }

  /** Sharers as staff see them: a colleague by their staff name, a prospect by the name they gave. */
  private async sharerNames(personIds: string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const ids = [...new Set(personIds)];
    const [persons, staff] = await Promise.all([
      this.dataSource.manager.find(PersonEntity, { where: { id: In(ids) }, select: { id: true, name: true, nickname: true } }),
      this.dataSource.manager.find(StaffEntity, { where: { personId: In(ids) }, select: { personId: true, name: true } }),
    ]);
    const names = new Map(persons.map((p) => [p.id, displayNameOf(p)]));
    for (const s of staff) if (s.personId) names.set(s.personId, s.name);
    return names;
  }

  private async contactNotes(personId: string): Promise<LeadDetail['contactNotes']> {
    const where = { personId, note: Not(IsNull()) };
    const [card, home] = await Promise.all([
      this.dataSource.manager.find(CardContactRequestEntity, { where, order: { createdAt: 'DESC' }, take: CONTACT_NOTES }),
      this.dataSource.manager.find(HomeContactRequestEntity, { where, order: { createdAt: 'DESC' }, take: CONTACT_NOTES }),
    ]);
    return [...card.map((r) => ({ note: r.note as string, at: r.createdAt, via: 'card' as const })), ...home.map((r) => ({ note: r.note as string, at: r.createdAt, via: 'home' as const }))]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, CONTACT_NOTES)
      .map((n) => ({ ...n, at: n.at.toISOString() }));
  }
}

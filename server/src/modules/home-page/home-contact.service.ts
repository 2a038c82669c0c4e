import { Injectable } from '@nestjs/common';
import { Pages, type HomeContactRequest } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { isUniqueViolation } from '../../database/data-source';
import { newId } from '../../database/ids';
import { Activity } from '../activity/activity';
import { type Gate, ProfileGate } from '../profile/profile-gate';
import { Touchpoints } from '../share-chain/touchpoints';
import type { HomeContactRequestEntity } from './home-page.entity';
import { HomePageRepository } from './home-page.repository';

export const HOME_PAGE = Pages.home;
/** The same gate as a card's 请联系我: name and phone, and consent to sales follow-up as its own purpose. */
const CONTACT_GATE: Gate = { purpose: 'sales_contact', required: ['name', 'phone'], sourcePage: HOME_PAGE };

/**
 * 请联系我 from the home page, addressed to the company rather than one salesperson: the request
 * row (its `(person, requestId)` key makes a retry answer the stored request), the gate and the
 * activity in one transaction. The activity is a conversion credited along the chain the person
 * arrived through; the lead follows from it, owned by whoever attribution says owns the person.
 */
@Injectable()
export class HomeContactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: HomePageRepository,
    private readonly gate: ProfileGate,
    private readonly activity: Activity,
    private readonly touchpoints: Touchpoints,
    private readonly clock: Clock,
  ) {}

  async request(auth: AuthContext, input: HomeContactRequest): Promise<{ id: string; status: 'received'; createdAt: string }> {
    const source = await this.touchpoints.source(auth.personId, input.shareToken, null);
    let stored: HomeContactRequestEntity;
    try {
      stored = await this.dataSource.transaction(async (em) => {
        const now = this.clock.now();
        const row: HomeContactRequestEntity = { id: newId(now.getTime()), personId: auth.personId, requestId: input.requestId, note: input.note, shareToken: input.shareToken ?? null, createdAt: now };
        await this.repository.insertContactRequest(em, row);
        await this.gate.pass(em, auth.personId, CONTACT_GATE, input.gate);
        await this.activity.record(em, { kind: 'contact_request', personId: auth.personId, refId: row.id, page: HOME_PAGE, contentType: 'page', contentId: 'home', source, unknownToken: source.unknownToken, at: now });
        return row;
      });
    } catch (error) {
      const earlier = isUniqueViolation(error) ? await this.repository.findContactRequest(auth.personId, input.requestId) : null;
      if (!earlier) throw error;
      stored = earlier;
    }
    return { id: stored.id, status: 'received', createdAt: stored.createdAt.toISOString() };
  }
}

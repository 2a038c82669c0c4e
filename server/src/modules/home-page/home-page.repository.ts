import { Injectable } from '@nestjs/common';
import type { HomeBlock } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { HomeContactRequestEntity, HomePageDraftEntity, HomePageVersionEntity } from './home-page.entity';

const DRAFT_ROW = 'home';

/** Who shared a token, as far as the home page needs it (read from the share chain's table, never written). */
export interface TokenSharer {
  personId: string;
  staffId: string | null;
  contentType: string;
  contentId: string;
}

@Injectable()
export class HomePageRepository {
  constructor(private readonly dataSource: DataSource) {}

  findDraft(): Promise<HomePageDraftEntity | null> {
    return this.dataSource.manager.findOneBy(HomePageDraftEntity, { id: DRAFT_ROW });
  }

  async saveDraft(blocks: HomeBlock[], updatedBy: string | null, updatedAt: Date): Promise<void> {
    await this.dataSource.manager.upsert(HomePageDraftEntity, { id: DRAFT_ROW, blocks, updatedBy, updatedAt }, ['id']);
  }

  latestVersion(em: EntityManager = this.dataSource.manager): Promise<HomePageVersionEntity | null> {
    return em.findOne(HomePageVersionEntity, { where: {}, order: { version: 'DESC' } });
  }

  /** Inserts the version; a concurrent publish that took the same number fails on the primary key. */
  async insertVersion(row: HomePageVersionEntity): Promise<void> {
    await this.dataSource.manager.insert(HomePageVersionEntity, row);
  }

  async sharerOf(token: string): Promise<TokenSharer | null> {
    const rows: { sharer_person_id: string; sharer_staff_id: string | null; content_type: string; content_id: string }[] = await this.dataSource.query(
      'SELECT sharer_person_id, sharer_staff_id, content_type, content_id FROM share_nodes WHERE token = ?',
      [token],
    );
    const r = rows[0];
    return r ? { personId: r.sharer_person_id, staffId: r.sharer_staff_id, contentType: r.content_type, contentId: r.content_id } : null;
  }

  async insertContactRequest(em: EntityManager, row: HomeContactRequestEntity): Promise<void> {
    await em.insert(HomeContactRequestEntity, row);
  }

  findContactRequest(personId: string, requestId: string): Promise<HomeContactRequestEntity | null> {
    return this.dataSource.manager.findOneBy(HomeContactRequestEntity, { personId, requestId });
  }

  contactRequestsOf(personId: string): Promise<HomeContactRequestEntity[]> {
    return this.dataSource.manager.find(HomeContactRequestEntity, { where: { personId }, order: { createdAt: 'ASC' } });
  }

  async eraseContactRequests(em: EntityManager, personId: string): Promise<void> {
    await em.delete(HomeContactRequestEntity, { personId });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { insertNew, sqlTime } from '../../database/sql';
import { PersonIdentifierEntity } from '../identity/identity.entity';
import { ShareNodeEntity } from '../share-chain/share-chain.entity';
import { StaffEntity } from '../staff/staff.entity';
import { CardEntity, CardImageEntity } from './card.entity';

export type CardChanges = Partial<Omit<CardEntity, 'id' | 'staffId' | 'createdAt' | 'introVersion'>>;

/** A card others may see, with the person its owner signs in as (null before they bind their WeChat). */
export interface ShownCard {
  card: CardEntity;
  ownerPersonId: string | null;
}

@Injectable()
export class CardRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByStaff(staffId: string): Promise<CardEntity | null> {
    return this.dataSource.manager.findOneBy(CardEntity, { staffId });
  }

  findById(id: string): Promise<CardEntity | null> {
    return this.dataSource.manager.findOneBy(CardEntity, { id });
  }

  /** 「李娜的名片」 by card id (ids of deleted cards are left out). */
  async titlesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(CardEntity, { select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, `${r.name}的名片`]));
  }

  /** A card others may see (its owner's staff account is active), with the owner's person id. */
  async findShown(id: string): Promise<ShownCard | null> {
    const { entities, raw } = await this.shownCards()
      .addSelect('s.person_id', 'owner_person_id')
      .where('c.id = :id', { id })
      .getRawAndEntities<{ owner_person_id: string | null }>();
    return entities[0] ? { card: entities[0], ownerPersonId: raw[0]?.owner_person_id ?? null } : null;
  }

  /** The card of the active staff member signed in as this person, if they have one. */
  findShownByOwnerPerson(personId: string): Promise<CardEntity | null> {
    return this.shownCards().where('s.person_id = :personId', { personId }).getOne();
  }

  /** Shown cards: these (when given, at most a page of ids) or all, by name. */
  /** These cards, those still shown (featured on the home page). */
  listShown(ids: readonly string[]): Promise<CardEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.shownCards().where('c.id IN (:...ids)', { ids }).orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC').getMany();
  }

  /** Shown cards by name (then id), after the position `after`: the home editor's picker, a page at a time. */
  pageShown(limit: number, after: readonly [name: string, id: string] | null): Promise<CardEntity[]> {
    const query = this.shownCards().orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC').limit(limit);
    if (after) query.where('(c.name > :name OR (c.name = :name AND c.id > :id))', { name: after[0], id: after[1] });
    return query.getMany();
  }

  /** Cards (`c`) whose owner's staff account (`s`) is active: the only ones others see. */
  private shownCards() {
    return this.dataSource.manager.createQueryBuilder(CardEntity, 'c').innerJoin(StaffEntity, 's', "s.id = c.staff_id AND s.status = 'active'");
  }

  /** Creates the staff member's card unless a concurrent request just did (one card per staff). */
  async insertIfMissing(card: CardEntity, em: EntityManager | DataSource = this.dataSource): Promise<void> {
    await insertNew(em, 'cards', [
      {
        id: card.id,
        staff_id: card.staffId,
        name: card.name,
        intro_status: card.introStatus,
        intro_version: 0,
        intro_attempts: 0,
        featured: card.featured,
        created_at: card.createdAt,
        updated_at: card.updatedAt,
      },
    ]);
  }

  /** Saves fields; `newIntroDraft` also bumps the introduction's version (its old verdict no longer applies). */
  async update(id: string, changes: CardChanges, newIntroDraft: boolean): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(CardEntity)
      .set({ ...changes, ...(newIntroDraft ? { introVersion: () => 'intro_version + 1' } : {}) })
      .where('id = :id', { id })
      .execute();
  }

  // --- images

  async insertImage(image: CardImageEntity): Promise<void> {
    await this.dataSource.manager.insert(CardImageEntity, image);
  }

  findImage(id: string): Promise<CardImageEntity | null> {
    return this.dataSource.manager.findOneBy(CardImageEntity, { id });
  }

  async deleteImage(id: string): Promise<void> {
    await this.dataSource.manager.delete(CardImageEntity, { id });
  }

  // --- introduction moderation

  async dueIntroChecks(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(CardEntity, 'c')
      .select('c.id', 'id')
      .where("c.intro_status = 'pending' AND c.intro_check_after <= :now", { now: sqlTime(now) })
      .orderBy('c.intro_check_after', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /**
   * Claims the check of one draft: moves its next-check time past the lease, so neither another
   * instance nor a retry picks it up meanwhile. False when the draft changed, was decided, or is
   * being checked already.
   */
  async claimIntroCheck(id: string, version: number, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(CardEntity)
      .set({ introCheckAfter: leaseUntil, introAttempts: () => 'intro_attempts + 1' })
      .where("id = :id AND intro_version = :version AND intro_status = 'pending' AND intro_check_after <= :now", { id, version, now: sqlTime(now) })
      .execute();
    return result.affected === 1;
  }

  /** Records the verdict on that draft; an approved draft becomes what others see. */
  async settleIntro(id: string, version: number, status: 'approved' | 'rejected', label: number): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(CardEntity)
      .set({ introStatus: status, introLabel: label, introCheckAfter: null, ...(status === 'approved' ? { introPublished: () => 'intro_draft' } : {}) })
      .where("id = :id AND intro_version = :version AND intro_status = 'pending'", { id, version })
      .execute();
  }

  /** WeChat could not answer: the draft stays pending and is checked again from `retryAt`. */
  async deferIntroCheck(id: string, version: number, retryAt: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(CardEntity)
      .set({ introCheckAfter: retryAt })
      .where("id = :id AND intro_version = :version AND intro_status = 'pending'", { id, version })
      .execute();
  }

  /** The openid of the staff member's WeChat (msg_sec_check v2 checks text as written by a user). */
  async ownerOpenid(staffId: string, appId: string): Promise<string | null> {
    const row = await this.dataSource.manager
      .createQueryBuilder(PersonIdentifierEntity, 'i')
      .innerJoin(StaffEntity, 's', 's.person_id = i.person_id')
      .select('i.value', 'value')
      .where("s.id = :staffId AND i.kind = 'openid' AND i.app_id = :appId", { staffId, appId })
      .getRawOne<{ value: string }>();
    return row?.value ?? null;
  }

  // --- lookups for prospects' actions

  /** The share node behind a token, when it is a share of this card (evidence for ownership). */
  async cardShareNodeId(em: EntityManager, token: string, cardId: string): Promise<string | null> {
    const node = await em.findOne(ShareNodeEntity, { select: { id: true }, where: { token, contentType: 'card', contentId: cardId } });
    return node?.id ?? null;
  }
}

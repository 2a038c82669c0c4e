import { Injectable } from '@nestjs/common';
import type { ConsentPurpose } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { BrandService } from '../brand/brand.service';
import { newId } from '../../database/ids';
import { type ConsentAction, ConsentEntity } from './profile.entity';

export interface ConsentState {
  purpose: ConsentPurpose;
  action: ConsentAction;
  policyVersion: string;
  sourcePage: string;
  at: Date;
}

/** PIPL consent per purpose: what the person agreed to, under which policy version, when and where. */
@Injectable()
export class ConsentLedger {
  constructor(
    private readonly brand: BrandService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The brand settings' privacy-policy version: publishing a new policy asks everyone again. */
  get policyVersion(): string {
    return this.brand.privacyPolicyVersion;
  }

  /** True when the newest entry for this purpose is a grant under the current policy version. */
  async holds(personId: string, purpose: ConsentPurpose, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await this.holding([personId], purpose, em)).has(personId);
  }

  /** Of these people, those who hold consent to this purpose (one statement). */
  async holding(personIds: string[], purpose: ConsentPurpose, em: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows: { person_id: string; action: ConsentAction; policy_version: string }[] = await em.query(
      `SELECT person_id, action, policy_version FROM consents WHERE purpose = ? AND person_id IN (${personIds.map(() => '?').join(', ')}) ORDER BY person_id, created_at DESC, id DESC`,
      [purpose, ...personIds],
    );
    const held = new Set<string>();
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.person_id)) continue;
      seen.add(r.person_id);
      if (r.action === 'granted' && r.policy_version === this.policyVersion) held.add(r.person_id);
    }
    return held;
  }

  outdated(): AppError {
    return new AppError('CONSENT_POLICY_OUTDATED', 'The privacy policy has changed; please read the current version', { current: this.policyVersion });
  }

  /** Records these people's consent to this purpose under the current policy (one statement). */
  async grantMany(em: EntityManager, personIds: string[], purpose: ConsentPurpose, sourcePage: string): Promise<void> {
    await this.append(em, personIds, purpose, 'granted', sourcePage);
  }

  /** Withdrawing is a new ledger entry; it is a no-op when nothing is granted. Runs in `em` when given. */
  async withdraw(personId: string, purpose: ConsentPurpose, sourcePage: string, em?: EntityManager): Promise<boolean> {
    if (!em) return this.dataSource.transaction((tx) => this.withdraw(personId, purpose, sourcePage, tx));
    if ((await this.latest(personId, purpose, em))?.action !== 'granted') return false;
    await this.append(em, [personId], purpose, 'withdrawn', sourcePage);
    return true;
  }

  /** Every purpose's current state, for 我的. */
  async current(personId: string): Promise<ConsentState[]> {
    const rows = await this.dataSource.manager.find(ConsentEntity, { where: { personId }, order: { createdAt: 'DESC', id: 'DESC' } });
    const seen = new Map<ConsentPurpose, ConsentState>();
    for (const r of rows) {
      if (!seen.has(r.purpose)) seen.set(r.purpose, { purpose: r.purpose, action: r.action, policyVersion: r.policyVersion, sourcePage: r.sourcePage, at: r.createdAt });
    }
    return [...seen.values()];
  }

  /** The whole ledger of a person, oldest first (data export). */
  history(personId: string): Promise<ConsentEntity[]> {
    return this.dataSource.manager.find(ConsentEntity, { where: { personId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private latest(personId: string, purpose: ConsentPurpose, em: EntityManager): Promise<ConsentEntity | null> {
    return em.findOne(ConsentEntity, { where: { personId, purpose }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  private async append(em: EntityManager, personIds: string[], purpose: ConsentPurpose, action: ConsentAction, sourcePage: string): Promise<void> {
    if (personIds.length === 0) return;
    const now = this.clock.now();
    await em.insert(
      ConsentEntity,
      personIds.map((personId) => ({ id: newId(now.getTime()), personId, purpose, action, policyVersion: this.policyVersion, sourcePage: sourcePage.slice(0, 128), createdAt: now })),
    );
  }
}

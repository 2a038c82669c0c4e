import { Injectable, Logger } from '@nestjs/common';
import { type EraseMeResponse, PersonDataExport } from '@leadloop/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock';
import type { AuthContext } from '../../core/route';
import { retryOnConflict } from '../../database/retry';
import { PersonDataRegistry } from './person-data';
import { PrivacyRepository } from './privacy.repository';

/**
 * 我的 → privacy: a copy of everything held, and erasure (PIPL). What is held is known only to
 * the features holding it, through the registry: identity (the person, identifiers), the consent
 * ledger, leads, the share chain, live, card, whitepaper…
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly privacy: PrivacyRepository,
    private readonly registry: PersonDataRegistry,
    private readonly clock: Clock,
  ) {}

  /** Every contributor's part: the document's own fields, and each feature's section. */
  async export(auth: AuthContext): Promise<PersonDataExport> {
    const exporting = this.registry.all().filter((c) => c.export);
    const parts = await Promise.all(exporting.map(async (c) => [c, await c.export?.(auth.personId)] as const));
    const document: Record<string, unknown> = {};
    const sections: Record<string, unknown> = {};
    for (const [contributor, part] of parts) {
      if (contributor.placement === 'document') Object.assign(document, part);
      else sections[contributor.section] = part;
    }
    // a contributor missing from the app shows here as a broken document, not as a silently shorter one
    return PersonDataExport.parse({ ...document, exportedAt: this.clock.now().toISOString(), sections });
  }

  /**
   * Erases the person's personal data in one transaction (see docs/SECURITY.md for what stays):
   * for them and every record merged into them, every contributor forgets them (identity empties
   * the profile and removes the identifiers, the ledger ends each consent with a withdrawal, the
   * share chain anonymises touchpoints, leads drop the lead, …); then the erasure is recorded.
   */
  async erase(auth: AuthContext): Promise<EraseMeResponse> {
    const at = this.clock.now();
    // contention with the stream's consumers (which lock the same person rows) is run again, not answered 500
    const erasureId = await retryOnConflict(() =>
      this.dataSource.transaction(async (em) => {
        const ids = await this.registry.recordsOf(em, auth.personId);
        await this.registry.checkErasable(em, auth.personId);
        for (const id of ids) for (const contributor of this.registry.all()) await contributor.erase(em, id, at);
        return this.privacy.recordErasure(em, auth.personId, at);
      }),
    );
    this.logger.log(`Person ${auth.personId} erased their data (erasure ${erasureId})`);
    return { erased: true, erasureId, erasedAt: at.toISOString() };
  }
}

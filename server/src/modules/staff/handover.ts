import { Injectable } from '@nestjs/common';
import type { HandoverCounts } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';

/**
 * A feature's part of handing over what a staff member owns (their prospects, their card's
 * visitors and contact requests) to another member, inside the hand-over's one transaction.
 * Features register one at onModuleInit, so staff never imports them.
 */
export interface HandoverContributor {
  name: string;
  handOver(em: EntityManager, fromStaffId: string, toStaffId: string, at: Date): Promise<Partial<HandoverCounts>>;
}

@Injectable()
export class StaffHandovers {
  private readonly contributors = new Map<string, HandoverContributor>();

  register(contributor: HandoverContributor): void {
    if (this.contributors.has(contributor.name)) throw new Error(`Hand-over ${contributor.name} is registered twice`);
    this.contributors.set(contributor.name, contributor);
  }

  /** Runs every contributor in `em`; the counts they report, added up. */
  async run(em: EntityManager, fromStaffId: string, toStaffId: string, at: Date): Promise<HandoverCounts> {
    const counts: HandoverCounts = { prospects: 0, cardVisitors: 0, contactRequests: 0 };
    for (const contributor of this.contributors.values()) {
      const part = await contributor.handOver(em, fromStaffId, toStaffId, at);
      for (const key of Object.keys(counts) as (keyof HandoverCounts)[]) counts[key] += part[key] ?? 0;
    }
    return counts;
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * A feature's share of a person's data, for 我的: what it holds about them (export) and how it
 * forgets them (erasure, inside the erasure's transaction). Features register one at
 * onModuleInit, so privacy never depends on them.
 */
export interface PersonDataContributor {
  /** Key of the export document's section, e.g. `whitepaperDownloads`. */
  section: string;
  export(personId: string): Promise<unknown>;
  erase(em: EntityManager, personId: string): Promise<void>;
}

@Injectable()
export class PersonDataRegistry {
  private readonly contributors = new Map<string, PersonDataContributor>();

  register(contributor: PersonDataContributor): void {
    if (this.contributors.has(contributor.section)) throw new Error(`Person data section ${contributor.section} is registered twice`);
    this.contributors.set(contributor.section, contributor);
  }

  all(): PersonDataContributor[] {
    return [...this.contributors.values()];
  }
}

import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * A feature's share of a person's data, for 我的: what it holds about them (export) and how it
 * forgets them (erasure, inside the erasure's one transaction). Features register one at
 * onModuleInit, so privacy never depends on them.
 */
export interface PersonDataContributor {
  /** Key of the export document's section, e.g. `whitepaperDownloads`; unique. */
  section: string;
  /**
   * `document`: the export's own top-level fields (the person, their identifiers, the lead,
   * activity counts), so `export` answers an object whose keys join the document; otherwise
   * the answer is `sections[section]`.
   */
  placement?: 'document' | 'section';
  /** Left out by a feature whose records add nothing to the copy beyond what others export (the share chain's ownership record). */
  export?(personId: string): Promise<unknown>;
  /** `at`: the erasure's time, the same for every contributor. */
  erase(em: EntityManager, personId: string, at: Date): Promise<void>;
}

/** The person's record ids to erase (theirs and those merged into them); throws when there is no such person. */
export type ErasureRecords = (em: EntityManager, personId: string) => Promise<string[]>;

/** Throws (an AppError with its code) when this person must not erase themselves now. */
export type ErasureGuard = (em: EntityManager, personId: string) => Promise<void>;

/** Every registration is keyed; registering a key twice is a wiring mistake and throws with the key. */
@Injectable()
export class PersonDataRegistry {
  private readonly contributors = new Map<string, PersonDataContributor>();
  private readonly guards = new Map<string, ErasureGuard>();
  private records: { key: string; resolve: ErasureRecords } | null = null;

  register(contributor: PersonDataContributor): void {
    if (this.contributors.has(contributor.section)) throw new Error(`Person data section ${contributor.section} is registered twice`);
    this.contributors.set(contributor.section, contributor);
  }

  /** Who erasure covers; the module that owns person records (identity) registers it once. */
  registerRecords(key: string, resolve: ErasureRecords): void {
    if (this.records) throw new Error(`Erasure records ${key} cannot register: ${this.records.key} already resolves them`);
    this.records = { key, resolve };
  }

  registerGuard(key: string, guard: ErasureGuard): void {
    if (this.guards.has(key)) throw new Error(`Erasure guard ${key} is registered twice`);
    this.guards.set(key, guard);
  }

  all(): PersonDataContributor[] {
    return [...this.contributors.values()];
  }

  recordsOf(em: EntityManager, personId: string): Promise<string[]> {
    if (!this.records) throw new Error('No erasure records resolver registered');
    return this.records.resolve(em, personId);
  }

  async checkErasable(em: EntityManager, personId: string): Promise<void> {
    for (const guard of this.guards.values()) await guard(em, personId);
  }
}

/** The registry alone, importable by any feature (privacy's own module builds on it). */
@Module({ providers: [PersonDataRegistry], exports: [PersonDataRegistry] })
export class PersonDataModule {}

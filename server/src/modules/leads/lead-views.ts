import { Injectable } from '@nestjs/common';
import { intentAt, LeadActivityLabels } from '@leadloop/shared';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../core/clock';
import { AccountEntity } from '../accounts/accounts.entity';
import { StaffEntity } from '../staff/staff.entity';
import { LeadSettingsEntity } from './leads.entity';

/** The half-life a fresh install starts with (the base migration's `lead_settings` row). */
const DEFAULT_HALF_LIFE_DAYS = 30;

/** A person as staff see them named: the name they gave, else their WeChat nickname. */
export function displayNameOf(p: { name: string | null; nickname: string | null }): string {
  return p.name ?? p.nickname ?? '未留名';
}

export function lastActivityOf(kind: string, at: Date): { kind: string; label: string; at: string } {
  return { kind, label: LeadActivityLabels[kind] ?? '互动', at: at.toISOString() };
}

/** What the lead list and the detail both show beside the lead row: score now, owner and account names. */
@Injectable()
export class LeadViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async halfLifeDays(): Promise<number> {
    const settings = await this.dataSource.manager.findOne(LeadSettingsEntity, { where: { id: 'default' }, select: { id: true, halfLifeDays: true } });
    return settings?.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  }

  /** The intent score now of a stored key, rounded as people read it (never below 0, as the breakdown shows it). */
  scoreNow(intentKey: number, halfLifeDays: number): number {
    return Math.max(0, Math.round(intentAt(intentKey, this.clock.now().getTime(), halfLifeDays)));
  }

  /** The stored key that a score of `score` has now (score ranges are key ranges). */
  keyOfScoreNow(score: number, halfLifeDays: number): number {
    return score / intentAt(1, this.clock.now().getTime(), halfLifeDays);
  }

  async staffNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(StaffEntity, { where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** One account's name and owner (whether the caller may open its page), or null when it is gone. */
  account(id: string | null): Promise<Pick<AccountEntity, 'id' | 'name' | 'ownerStaffId'> | null> {
    return id ? this.dataSource.manager.findOne(AccountEntity, { where: { id }, select: { id: true, name: true, ownerStaffId: true } }) : Promise.resolve(null);
  }

  async accountNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(AccountEntity, { where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/** `{ id, name }` for a known id, else null (a removed account or staff member is not shown). */
export function named(id: string | null, names: Map<string, string>): { id: string; name: string } | null {
  const name = id ? names.get(id) : undefined;
  return id && name ? { id, name } : null;
}

import { Injectable } from '@nestjs/common';
import {
  ACCOUNT_IMPORT_MAX_BYTES,
  ACCOUNT_IMPORT_MAX_ROWS,
  type AccountImportProblem,
  type AccountImportResult,
  type AccountImportRowError,
  AccountImportColumns,
  AccountTiers,
  type AccountTier,
  CompanySizeBandLabels,
  CompanySizeBands,
  type CompanySizeBand,
  corporateDomainOf,
  EmailDomain,
  industryFrom,
  type Industry,
  provinceFrom,
  type Province,
} from '@leadloop/shared';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { StaffEntity } from '../staff/staff.entity';
import { AccountDirectory } from './account-directory';
import { AccountEntity } from './accounts.entity';
import { normalizeCompanyName } from './company-name';
import { decodeSpreadsheet, parseCsv } from './csv';

/** One valid row, ready to write. */
interface ImportRow {
  line: number;
  name: string;
  key: string;
  industry: Industry | null;
  sizeBand: CompanySizeBand | null;
  province: Province | null;
  city: string | null;
  tier: AccountTier | null;
  ownerStaffId: string | null;
  emailDomain: string | null;
}

type RowProblem = { line: number; problem: AccountImportProblem };
type RowVerdict = ImportRow | RowProblem;

/**
 * The target-account import: every row is checked first, and a file with any bad row is refused
 * whole, with one error per bad row (its line and why) — nothing is half-imported. A good file is
 * written in one transaction: an account that exists under the same normalised name is updated
 * (values given in the file win, empty cells keep what is there), the others are created, and all
 * are flagged as targets.
 */
@Injectable()
export class AccountImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: AccountDirectory,
    private readonly clock: Clock,
  ) {}

  async run(file: Buffer | undefined): Promise<AccountImportResult> {
    if (!file || file.length === 0) throw unreadable('The file is empty');
    if (file.length > ACCOUNT_IMPORT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 1 MB');
    const { text, encoding } = decodeSpreadsheet(file);
    let records;
    try {
      records = parseCsv(text);
    } catch (error) {
      throw unreadable((error as Error).message);
    }
    if (records.length > 0 && isHeader(records[0].cells)) records = records.slice(1);
    if (records.length === 0) throw unreadable('The file has no rows');
    if (records.length > ACCOUNT_IMPORT_MAX_ROWS) throw unreadable(`At most ${ACCOUNT_IMPORT_MAX_ROWS} rows per file`);
    return this.dataSource.transaction(async (em) => {
      const verdicts = await this.check(em, records);
      const errors: AccountImportRowError[] = verdicts.filter((v): v is RowProblem => 'problem' in v).map((v) => ({ row: v.line, problem: v.problem }));
      if (errors.length > 0) throw new AppError('ACCOUNT_IMPORT_INVALID', `${errors.length} row(s) cannot be imported; nothing was imported`, { rows: errors });
      return { ...(await this.write(em, verdicts as ImportRow[])), encoding };
    });
  }

  private async check(em: EntityManager, records: { line: number; cells: string[] }[]): Promise<RowVerdict[]> {
    const owners = await this.ownersByName(em);
    const seenKeys = new Set<string>();
    const domainKeys = new Map<string, string>();
    const verdicts = records.map((r): RowVerdict => {
      const verdict = checkRow(r.line, r.cells, owners);
      if ('problem' in verdict) return verdict;
      if (seenKeys.has(verdict.key)) return { line: r.line, problem: 'NAME_REPEATED' };
      seenKeys.add(verdict.key);
      if (verdict.emailDomain) {
        if (domainKeys.has(verdict.emailDomain)) return { line: r.line, problem: 'DOMAIN_TAKEN' };
        domainKeys.set(verdict.emailDomain, verdict.key);
      }
      return verdict;
    });
    // a domain already held by another company's account cannot be given to this one
    const domains = [...domainKeys.keys()];
    const holders = domains.length > 0 ? await em.find(AccountEntity, { where: { emailDomain: In(domains), mergedInto: IsNull() } }) : [];
    const held = new Map<string, AccountEntity>(holders.map((a) => [a.emailDomain!, a]));
    for (const [domain, key] of domainKeys) {
      const holder = held.get(domain);
      if (!holder || holder.normalizedName === key) continue;
      const survivor = await this.directory.byKey(em, key);
      if (survivor?.id === holder.id) continue;
      const i = verdicts.findIndex((v) => !('problem' in v) && v.emailDomain === domain);
      verdicts[i] = { line: verdicts[i].line, problem: 'DOMAIN_TAKEN' };
    }
    return verdicts;
  }

  private async write(em: EntityManager, rows: ImportRow[]): Promise<{ created: number; updated: number }> {
    let created = 0;
    let updated = 0;
    const at = this.clock.now();
    for (const row of rows) {
      const fields = {
        industry: row.industry,
        sizeBand: row.sizeBand,
        province: row.province,
        city: row.city,
        tier: row.tier,
        ownerStaffId: row.ownerStaffId,
        emailDomain: row.emailDomain,
      };
      const existing = await this.directory.byKey(em, row.key);
      if (!existing) {
        await this.directory.create(em, row.name, row.key, { ...fields, isTarget: 1 });
        created += 1;
        continue;
      }
      const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
      await em.update(AccountEntity, { id: existing.id }, { ...given, isTarget: 1, updatedAt: at });
      updated += 1;
    }
    return { created, updated };
  }

  /** Active staff by name: several with one name make that name ambiguous. */
  private async ownersByName(em: EntityManager): Promise<Map<string, string[]>> {
    const staff = await em.find(StaffEntity, { select: { id: true, name: true }, where: { status: 'active' } });
    const byName = new Map<string, string[]>();
    for (const s of staff) byName.set(s.name.trim(), [...(byName.get(s.name.trim()) ?? []), s.id]);
    return byName;
  }
}

function checkRow(line: number, cells: string[], owners: Map<string, string[]>): RowVerdict {
  if (cells.length !== AccountImportColumns.length) return { line, problem: 'COLUMNS_WRONG' };
  const [name, industry, size, province, city, tier, owner, domain] = cells.map((c) => c.trim());
  const fail = (problem: AccountImportProblem): RowVerdict => ({ line, problem });
  if (!name) return fail('NAME_MISSING');
  if (name.length > 80) return fail('NAME_TOO_LONG');
  const key = normalizeCompanyName(name);
  if (!key) return fail('NAME_NOT_A_COMPANY');
  const industryKey = industry ? industryFrom(industry) : null;
  if (industry && !industryKey) return fail('INDUSTRY_UNKNOWN');
  const sizeBand = size ? sizeBandFrom(size) : null;
  if (size && !sizeBand) return fail('SIZE_BAND_UNKNOWN');
  const provinceKey = province ? provinceFrom(province) : null;
  if (province && !provinceKey) return fail('PROVINCE_UNKNOWN');
  if (city.length > 20) return fail('CITY_TOO_LONG');
  const tierKey = tier ? (tier.toUpperCase() as AccountTier) : null;
  if (tierKey && !AccountTiers.includes(tierKey)) return fail('TIER_UNKNOWN');
  const ownerIds = owner ? (owners.get(owner) ?? []) : [];
  if (owner && ownerIds.length === 0) return fail('OWNER_UNKNOWN');
  if (ownerIds.length > 1) return fail('OWNER_AMBIGUOUS');
  let emailDomain: string | null = null;
  if (domain) {
    const parsed = EmailDomain.safeParse(domain);
    if (!parsed.success) return fail('DOMAIN_INVALID');
    if (!corporateDomainOf(`x@${parsed.data}`)) return fail('DOMAIN_FREE_MAIL');
    emailDomain = parsed.data;
  }
  return { line, name, key, industry: industryKey, sizeBand, province: provinceKey, city: city || null, tier: tierKey, ownerStaffId: ownerIds[0] ?? null, emailDomain };
}

/** 「50-199」, 「50–199 人」, 「5000+」, 「50 人以下」: a band's key or its label, spacing and dashes aside. */
function sizeBandFrom(text: string): CompanySizeBand | null {
  const squash = (s: string) => s.replace(/\s+/g, '').replace(/[–—~～]/g, '-');
  const t = squash(text);
  return CompanySizeBands.find((band) => band === t || `${band}人` === t || squash(CompanySizeBandLabels[band]) === t) ?? null;
}

function isHeader(cells: string[]): boolean {
  const first = cells[0]?.trim().toLowerCase();
  return first === AccountImportColumns[0].header || first === AccountImportColumns[0].english;
}

function unreadable(message: string): AppError {
  return new AppError('ACCOUNT_IMPORT_UNREADABLE', message);
}

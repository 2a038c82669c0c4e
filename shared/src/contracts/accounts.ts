import { z } from 'zod';
import { pageOf, PageQuery } from '../pagination';
import { AccountTier, BuyingRole, CompanySizeBand, FitGrade, LeadStage, Seniority } from './lead-vocabulary';
import { EmailAddress } from './profile';
import { Industry, Province } from './profile-vocabulary';
import { RecordId } from './whitepaper';

/**
 * Accounts (companies) for ABM, and the staff side of a lead's profile: edits with who made
 * them, tags, and the target-account import.
 */

const StaffRef = z.object({ id: z.string(), name: z.string() });

/** The accounts list: filters combine; `q` matches the start of the normalised company name. */
export const AccountListQuery = PageQuery.extend({
  target: z.enum(['true', 'false']).optional(),
  tier: AccountTier.optional(),
  industry: Industry.optional(),
  ownerStaffId: RecordId.optional(),
  q: z.string().trim().min(1).max(80).optional(),
}).strict();
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export const AccountSummary = z.object({
  id: z.string(),
  name: z.string(),
  industry: Industry.nullable(),
  sizeBand: CompanySizeBand.nullable(),
  province: Province.nullable(),
  city: z.string().nullable(),
  emailDomain: z.string().nullable(),
  owner: StaffRef.nullable(),
  isTarget: z.boolean(),
  tier: AccountTier.nullable(),
  contactCount: z.number().int(),
  /** Σ of the contacts' intent now (decayed with the settings' half-life), rounded. */
  intent: z.number(),
  updatedAt: z.string(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;
export const AccountList = pageOf(AccountSummary);
export type AccountList = z.infer<typeof AccountList>;

/** A contact on the account page: their part in the buying decision and where their lead stands. */
export const AccountContact = z.object({
  personId: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  seniority: Seniority.nullable(),
  buyingRole: BuyingRole.nullable(),
  stage: LeadStage.nullable(),
  fitGrade: FitGrade.nullable(),
  intent: z.number().nullable(),
  lastActivityAt: z.string().nullable(),
});
export type AccountContact = z.infer<typeof AccountContact>;

export const AccountDetail = AccountSummary.extend({
  /** The caller may edit and merge (the console); an owner who is not may only view. */
  editable: z.boolean(),
  contacts: z.array(AccountContact),
  /** Accounts merged into this one (their names still join people here). */
  mergedNames: z.array(z.string()),
});
export type AccountDetail = z.infer<typeof AccountDetail>;

/** Active staff who may own an account (the owner picker). */
export const AccountOwnerChoices = pageOf(StaffRef);
export type AccountOwnerChoices = z.infer<typeof AccountOwnerChoices>;

/** Editing an account: every field optional, null clears it. */
export const UpdateAccountRequest = z
  .object({
    name: z.string().trim().min(1).max(80),
    industry: Industry.nullable(),
    sizeBand: CompanySizeBand.nullable(),
    province: Province.nullable(),
    city: z.string().trim().min(1).max(20).nullable(),
    ownerStaffId: RecordId.nullable(),
    isTarget: z.boolean(),
    tier: AccountTier.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;

export const SetContactRoleRequest = z.object({ buyingRole: BuyingRole.nullable() }).strict();
export type SetContactRoleRequest = z.infer<typeof SetContactRoleRequest>;

/** Merge `mergedId` into the account of the path: its contacts move there, it points at the survivor. */
export const MergeAccountsRequest = z.object({ mergedId: RecordId }).strict();
export type MergeAccountsRequest = z.infer<typeof MergeAccountsRequest>;

/** The import's one file part, and its bounds. */
export const ACCOUNT_IMPORT_FIELD = 'file';
export const ACCOUNT_IMPORT_MAX_BYTES = 1024 * 1024;
export const ACCOUNT_IMPORT_MAX_ROWS = 5000;

/**
 * The import file's columns, in this order after a header row (the header may be Chinese or
 * English). The owner is a staff member's name as it appears on the team page (unique among
 * active staff); the tier is A, B or C; every row is a target account.
 */
export const AccountImportColumns = [
  { key: 'name', header: '公司名称', english: 'name' },
  { key: 'industry', header: '行业', english: 'industry' },
  { key: 'sizeBand', header: '规模', english: 'size band' },
  { key: 'province', header: '省份', english: 'province' },
  { key: 'city', header: '城市', english: 'city' },
  { key: 'tier', header: '等级', english: 'tier' },
  { key: 'owner', header: '负责人', english: 'owner' },
  { key: 'emailDomain', header: '邮箱域名', english: 'email domain' },
] as const;

/** Why an import row is refused (one per bad row, the first problem found). */
export const AccountImportProblems = [
  'NAME_MISSING',
  'NAME_TOO_LONG',
  'NAME_NOT_A_COMPANY',
  'NAME_REPEATED',
  'INDUSTRY_UNKNOWN',
  'SIZE_BAND_UNKNOWN',
  'PROVINCE_UNKNOWN',
  'CITY_TOO_LONG',
  'TIER_UNKNOWN',
  'OWNER_UNKNOWN',
  'OWNER_AMBIGUOUS',
  'DOMAIN_INVALID',
  'DOMAIN_FREE_MAIL',
  'DOMAIN_TAKEN',
  'COLUMNS_WRONG',
] as const;
export const AccountImportProblem = z.enum(AccountImportProblems);
export type AccountImportProblem = z.infer<typeof AccountImportProblem>;
export const AccountImportProblemLabels: Record<AccountImportProblem, string> = {
  NAME_MISSING: '缺少公司名称',
  NAME_TOO_LONG: '公司名称超过 80 个字',
  NAME_NOT_A_COMPANY: '公司名称无法识别（如只写了“集团”“银行”）',
  NAME_REPEATED: '与前面的行是同一家公司',
  INDUSTRY_UNKNOWN: '行业不在可选列表中',
  SIZE_BAND_UNKNOWN: '规模不在可选列表中',
  PROVINCE_UNKNOWN: '省份无法识别',
  CITY_TOO_LONG: '城市超过 20 个字',
  TIER_UNKNOWN: '等级只能是 A、B 或 C',
  OWNER_UNKNOWN: '找不到这位负责人',
  OWNER_AMBIGUOUS: '有多位同名成员，无法确定负责人',
  DOMAIN_INVALID: '邮箱域名格式不对',
  DOMAIN_FREE_MAIL: '个人邮箱域名不能代表公司',
  DOMAIN_TAKEN: '该邮箱域名已属于另一家公司',
  COLUMNS_WRONG: '列数不对',
};

/** One refused row: its line number in the file (the header is line 1) and why. */
export const AccountImportRowError = z.object({ row: z.number().int(), problem: AccountImportProblem });
export type AccountImportRowError = z.infer<typeof AccountImportRowError>;

export const AccountImportResult = z.object({ created: z.number().int(), updated: z.number().int(), encoding: z.enum(['utf-8', 'gbk']) });
export type AccountImportResult = z.infer<typeof AccountImportResult>;

// ---- the staff side of a lead's profile ----

/** A tag: trimmed, inner spaces collapsed, 1–20 characters, no line breaks or angle brackets. */
export const Tag = z
  .string()
  .trim()
  .transform((t) => t.replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(20).regex(/^[^<>\p{Cc}]+$/u, 'must be plain text'));
export const MAX_TAGS_PER_PERSON = 20;

const TagList = z
  .array(Tag)
  .max(MAX_TAGS_PER_PERSON)
  .transform((tags) => [...new Set(tags)]);

/** Staff edit a lead's profile: every field optional; null clears it (a null seniority follows the title again). */
export const LeadProfileEdit = z
  .object({
    name: z.string().trim().min(1).max(40).nullable(),
    company: z.string().trim().min(1).max(80).nullable(),
    title: z.string().trim().min(1).max(40).nullable(),
    email: EmailAddress.nullable(),
    industry: Industry.nullable(),
    province: Province.nullable(),
    city: z.string().trim().min(1).max(20).nullable(),
    sizeBand: CompanySizeBand.nullable(),
    department: z.string().trim().min(1).max(40).nullable(),
    seniority: Seniority.nullable(),
    buyingRole: BuyingRole.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type LeadProfileEdit = z.infer<typeof LeadProfileEdit>;

/** A lead's profile as staff see and edit it, with the last changes and who made them. */
export const LeadProfile = z.object({
  personId: z.string(),
  name: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  industry: Industry.nullable(),
  province: Province.nullable(),
  city: z.string().nullable(),
  sizeBand: CompanySizeBand.nullable(),
  department: z.string().nullable(),
  seniority: Seniority.nullable(),
  /** Staff set the seniority; otherwise it follows the title. */
  seniorityEdited: z.boolean(),
  buyingRole: BuyingRole.nullable(),
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  changes: z.array(
    z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable(), at: z.string(), by: z.string().nullable() }),
  ),
});
export type LeadProfile = z.infer<typeof LeadProfile>;

/** The most leads one bulk tag change covers. */
export const MAX_BULK_TAG_LEADS = 100;
/** Tags on many leads at once (the console pool's bulk action). */
export const BulkTagRequest = z
  .object({
    personIds: z
      .array(RecordId)
      .min(1)
      .max(MAX_BULK_TAG_LEADS)
      .transform((ids) => [...new Set(ids)]),
    add: TagList.default([]),
    remove: TagList.default([]),
  })
  .strict()
  .refine((v) => v.add.length + v.remove.length > 0, 'add or remove a tag');
export type BulkTagRequest = z.infer<typeof BulkTagRequest>;
export const BulkTagResponse = z.object({ updated: z.number().int() });
export type BulkTagResponse = z.infer<typeof BulkTagResponse>;

/** One lead's tags, replaced as a set. */
export const SetTagsRequest = z.object({ tags: TagList }).strict();
export type SetTagsRequest = z.infer<typeof SetTagsRequest>;

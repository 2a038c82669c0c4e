import type { AccountOwnerChoices, AccountDetail, AccountImportResult, AccountList, AccountListQuery, MergeAccountsRequest, SetContactRoleRequest, UpdateAccountRequest } from '@leadloop/shared';
import { readAllPages } from '@/core/api/useKeysetList';
import { api, upload } from '@/core/api/client';
import { platform, type PickedFile } from '@/core/platform';

export type AccountFilters = Omit<AccountListQuery, 'cursor' | 'limit'>;

/** A page of accounts matching the filters, newest first. */
export function listAccounts(filters: AccountFilters, cursor?: string, limit = 20): Promise<AccountList> {
  return api('accounts', undefined, { scope: platform.consoleScope, query: { ...filters, cursor, limit } });
}

/** Every active staff member, for the owner picker (read page by page). */
export function listAccountOwners(): Promise<AccountOwnerChoices['items']> {
  return readAllPages((cursor, limit) => api('accountOwners', undefined, { scope: platform.consoleScope, query: { cursor, limit } }));
}

export function getAccount(id: string): Promise<AccountDetail> {
  return api('account', undefined, { scope: platform.consoleScope, params: { id } });
}

export function updateAccount(id: string, changes: UpdateAccountRequest): Promise<AccountDetail> {
  return api('updateAccount', changes, { scope: platform.consoleScope, params: { id } });
}

export function setContactRole(id: string, personId: string, body: SetContactRoleRequest): Promise<AccountDetail> {
  return api('setContactRole', body, { scope: platform.consoleScope, params: { id, personId } });
}

export function mergeAccounts(id: string, body: MergeAccountsRequest): Promise<AccountDetail> {
  return api('mergeAccounts', body, { scope: platform.consoleScope, params: { id } });
}

export function importAccounts(file: PickedFile): Promise<AccountImportResult> {
  return upload('importAccounts', {}, { file }, { scope: platform.consoleScope });
}

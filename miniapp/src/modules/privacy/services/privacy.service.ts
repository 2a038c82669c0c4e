import { Pages, type ConsentPurpose, type CorrectProfileRequest, type EraseMeResponse, type MyConsents, type MyProfile, type PersonDataExport, type PolicyKind, type PolicyText } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { signOut } from '@/modules/identity/services/identity.service';

/** Where a withdrawal is recorded from (the consent ledger keeps the page). */
export const PRIVACY_PAGE = Pages.myPrivacy;

export function fetchConsents(): Promise<MyConsents> {
  return api('myConsents');
}

export function withdrawConsent(purpose: ConsentPurpose): Promise<MyConsents> {
  return api('withdrawConsent', { page: PRIVACY_PAGE }, { params: { purpose } });
}

export function fetchMyProfile(): Promise<MyProfile> {
  return api('myProfile');
}

export function correctMyProfile(changes: CorrectProfileRequest): Promise<MyProfile> {
  return api('correctMyProfile', changes);
}

/** The company's policy texts, as kept in its brand settings. */
export async function fetchPolicy(kind: PolicyKind): Promise<PolicyText> {
  const doc = await api('policyDocument', undefined, { params: { kind: kind === 'privacy' ? 'privacy-policy' : 'user-agreement' } });
  return { kind, title: doc.title, version: doc.version, text: doc.text };
}

export function exportMyData(): Promise<PersonDataExport> {
  return api('exportMyData');
}

/** Deletes my personal data (the server ends this session), then signs this device out. */
export async function eraseMe(): Promise<EraseMeResponse> {
  const result = await api('eraseMe', { confirm: 'DELETE' });
  signOut('app');
  return result;
}

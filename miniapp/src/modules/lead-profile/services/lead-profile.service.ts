import type { LeadProfile, LeadProfileEdit } from '@leadloop/shared';
import { api } from '@/core/api/client';
import { platform } from '@/core/platform';

export function getLeadProfile(personId: string): Promise<LeadProfile> {
  return api('leadProfile', undefined, { scope: platform.consoleScope, params: { id: personId } });
}

export function editLeadProfile(personId: string, changes: LeadProfileEdit): Promise<LeadProfile> {
  return api('editLeadProfile', changes, { scope: platform.consoleScope, params: { id: personId } });
}

export function setLeadTags(personId: string, tags: string[]): Promise<LeadProfile> {
  return api('setLeadTags', { tags }, { scope: platform.consoleScope, params: { id: personId } });
}

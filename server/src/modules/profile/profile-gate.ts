import { Injectable } from '@nestjs/common';
import type { ConsentPurpose, GateStatus, GateSubmission, ProfileField, ProfileView } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import type { PersonEntity } from '../identity/identity.entity';
import { PersonRepository } from '../identity/person.repository';
import { type ProfileChanges, ProfileUpdates } from '../identity/profile-updates';
import { ConsentLedger } from './consent.ledger';

/** The purpose of the separate, optional follow-up consent a form may offer beside its own. */
export const FOLLOW_UP_PURPOSE: ConsentPurpose = 'sales_contact';

/** What passing the gate writes for one person. */
export interface GatePass {
  personId: string;
  profile: ProfileChanges;
  grantsConsent: boolean;
  /** The separate, optional consent to sales follow-up was ticked. */
  grantsFollowUp: boolean;
}

export interface Gate {
  purpose: ConsentPurpose;
  required: readonly ProfileField[];
  /** The page the form was on, for the consent ledger. */
  sourcePage: string;
}

/**
 * Progressive profiling in front of a gated action (event sign-up, whitepaper download): asks
 * only for the required fields still missing, and for consent to this purpose under the current
 * privacy policy unless it is already held.
 */
@Injectable()
export class ProfileGate {
  constructor(
    private readonly persons: PersonRepository,
    private readonly consents: ConsentLedger,
    private readonly profileUpdates: ProfileUpdates,
  ) {}

  async status(personId: string, gate: Omit<Gate, 'sourcePage'>): Promise<GateStatus> {
    const person = await this.person(personId);
    const [consentHeld, followUpHeld] = await Promise.all([
      this.consents.holds(personId, gate.purpose),
      gate.purpose === FOLLOW_UP_PURPOSE ? true : this.consents.holds(personId, FOLLOW_UP_PURPOSE),
    ]);
    return {
      required: [...gate.required],
      missing: missingFields(person, gate.required),
      profile: viewOf(person),
      consentNeeded: !consentHeld,
      followUpOffered: !followUpHeld,
      policyVersion: this.consents.policyVersion,
    };
  }

  /**
   * Applies the submitted values and consent inside the caller's transaction, then refuses with
   * PROFILE_INCOMPLETE or CONSENT_REQUIRED if anything is still missing (nothing is kept then,
   * because the caller's transaction rolls back).
   */
  async pass(em: EntityManager, personId: string, gate: Gate, submission: GateSubmission = { profile: {} }): Promise<void> {
    const [verdict] = await this.check(em, gate, [{ personId, submission }]);
    if (verdict instanceof AppError) throw verdict;
    await this.apply(em, gate, [verdict]);
  }

  /**
   * The gate for many people at once, reading only (a few statements whatever their number):
   * for each, what passing would write, or the error that refuses them.
   */
  async check(em: EntityManager, gate: Gate, entries: { personId: string; submission?: GateSubmission }[]): Promise<(GatePass | AppError)[]> {
    const ids = entries.map((e) => e.personId);
    const persons = new Map((await this.persons.findByIds(ids, em)).map((p) => [p.id, p]));
    const held = await this.consents.holding(ids.filter((_, i) => !entries[i].submission?.consent), gate.purpose, em);
    return entries.map(({ personId, submission }) => {
      const person = persons.get(personId);
      if (!person) return new AppError('SESSION_INVALID', 'This session’s person no longer exists');
      const profile = Object.fromEntries(Object.entries(submission?.profile ?? {}).filter(([, v]) => v !== undefined)) as GatePass['profile'];
      const missing = missingFields({ ...person, ...profile }, gate.required);
      if (missing.length > 0) return new AppError('PROFILE_INCOMPLETE', 'Some required fields are missing', { missing });
      if (submission?.followUp && submission.followUp.policyVersion !== this.consents.policyVersion) return this.consents.outdated();
      if (submission?.consent) {
        if (submission.consent.policyVersion !== this.consents.policyVersion) return this.consents.outdated();
      } else if (!held.has(personId)) {
        return new AppError('CONSENT_REQUIRED', 'Consent to the privacy policy is required', { purpose: gate.purpose, policyVersion: this.consents.policyVersion });
      }
      // The follow-up box is its own consent: it is recorded only when ticked, and never needed.
      const grantsFollowUp = !!submission?.followUp && gate.purpose !== FOLLOW_UP_PURPOSE;
      return { personId, profile, grantsConsent: !!submission?.consent, grantsFollowUp };
    });
  }

  /** Writes what `check` let through, in the caller's transaction. */
  async apply(em: EntityManager, gate: Gate, passes: GatePass[]): Promise<void> {
    await this.profileUpdates.writeMany(
      em,
      passes.map((p) => ({ personId: p.personId, changes: p.profile })),
      { page: gate.sourcePage },
    );
    await this.consents.grantMany(
      em,
      passes.filter((p) => p.grantsConsent).map((p) => p.personId),
      gate.purpose,
      gate.sourcePage,
    );
    await this.consents.grantMany(
      em,
      passes.filter((p) => p.grantsFollowUp).map((p) => p.personId),
      FOLLOW_UP_PURPOSE,
      gate.sourcePage,
    );
  }

  private async person(personId: string, em?: EntityManager): Promise<PersonEntity> {
    const person = await this.persons.findById(personId, em);
    if (!person) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
    return person;
  }
}

type ProfileColumn = 'name' | 'phoneMasked' | 'company' | 'title' | 'email' | 'industry' | 'province' | 'sizeBand' | 'department';
/** The column that holds each field a gate may ask (the region is there once its province is). */
const COLUMN: Record<ProfileField, ProfileColumn> = {
  name: 'name',
  phone: 'phoneMasked',
  company: 'company',
  title: 'title',
  email: 'email',
  industry: 'industry',
  region: 'province',
  sizeBand: 'sizeBand',
  department: 'department',
};

export function missingFields(person: Pick<PersonEntity, ProfileColumn>, required: readonly ProfileField[]): ProfileField[] {
  return required.filter((field) => !person[COLUMN[field]]);
}

export function viewOf(person: PersonEntity): ProfileView {
  return {
    name: person.name,
    company: person.company,
    title: person.title,
    email: person.email,
    phoneMasked: person.phoneMasked,
    industry: person.industry as ProfileView['industry'],
    province: person.province as ProfileView['province'],
    city: person.city,
    sizeBand: person.sizeBand,
    department: person.department,
  };
}

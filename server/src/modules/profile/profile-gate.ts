import { Injectable } from '@nestjs/common';
import type { ConsentPurpose, GateStatus, GateSubmission, ProfileField, ProfileView } from '@leadloop/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../core/app-error';
import type { PersonEntity } from '../identity/identity.entity';
import { PersonRepository } from '../identity/person.repository';
import { ConsentLedger } from './consent.ledger';

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
  ) {}

  async status(personId: string, gate: Omit<Gate, 'sourcePage'>): Promise<GateStatus> {
    const person = await this.person(personId);
    return {
      required: [...gate.required],
      missing: missingFields(person, gate.required),
      profile: viewOf(person),
      consentNeeded: !(await this.consents.holds(personId, gate.purpose)),
      policyVersion: this.consents.policyVersion,
    };
  }

  /**
   * Applies the submitted values and consent inside the caller's transaction, then refuses with
   * PROFILE_INCOMPLETE or CONSENT_REQUIRED if anything is still missing (nothing is kept then,
   * because the caller's transaction rolls back).
   */
  async pass(em: EntityManager, personId: string, gate: Gate, submission: GateSubmission = { profile: {} }): Promise<void> {
    const typed = Object.fromEntries(Object.entries(submission.profile).filter(([, v]) => v !== undefined));
    if (Object.keys(typed).length > 0) await this.persons.updateProfile(personId, typed, em);
    const person = await this.person(personId, em);
    const missing = missingFields(person, gate.required);
    if (missing.length > 0) throw new AppError('PROFILE_INCOMPLETE', 'Some required fields are missing', { missing });
    if (submission.consent) await this.consents.grant(em, personId, gate.purpose, submission.consent.policyVersion, gate.sourcePage);
    else if (!(await this.consents.holds(personId, gate.purpose, em))) {
      throw new AppError('CONSENT_REQUIRED', 'Consent to the privacy policy is required', { purpose: gate.purpose, policyVersion: this.consents.policyVersion });
    }
  }

  private async person(personId: string, em?: EntityManager): Promise<PersonEntity> {
    const person = await this.persons.findById(personId, em);
    if (!person) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
    return person;
  }
}

const COLUMN: Record<ProfileField, keyof PersonEntity> = { name: 'name', phone: 'phoneMasked', company: 'company', title: 'title', email: 'email' };

export function missingFields(person: PersonEntity, required: readonly ProfileField[]): ProfileField[] {
  return required.filter((field) => !person[COLUMN[field]]);
}

export function viewOf(person: PersonEntity): ProfileView {
  return { name: person.name, company: person.company, title: person.title, email: person.email, phoneMasked: person.phoneMasked };
}

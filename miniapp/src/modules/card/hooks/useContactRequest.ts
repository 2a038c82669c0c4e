import type { ContactRequestResponse } from '@leadloop/shared';
import { useState } from 'react';
import { useGatedAction } from '@/modules/profile-gate/hooks/useGatedAction';
import { describeCardError } from '../services/card-errors';
import { contactGate, requestContact } from '../services/card.service';

/** 请联系我: name and phone (only what is missing), consent to sales_contact, an optional note. */
export function useContactRequest(cardId: string) {
  const [note, setNote] = useState('');
  const action = useGatedAction<ContactRequestResponse>({
    loadGate: contactGate,
    perform: (submission, requestId) => requestContact(cardId, submission, note, requestId),
    describe: describeCardError,
    // always confirm: the person may want to say what they need
    alwaysConfirm: true,
  });
  return { ...action, note, setNote };
}

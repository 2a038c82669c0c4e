import type { ContactRequestResponse, HomeBlock } from '@leadloop/shared';
import { useState } from 'react';
import { contactGate } from '@/modules/card/services/card.service';
import { describeCardError } from '@/modules/card/services/card-errors';
import { GateSheet } from '@/modules/profile-gate/components/GateSheet';
import { useGatedAction } from '@/modules/profile-gate/hooks/useGatedAction';
import { ActionButton, Card, Notice, ResultPanel, TextAreaField } from '@/ui';
import { requestHomeContact } from '../services/home-page.service';

type Contact = Extract<HomeBlock, { type: 'contact' }>;

/** 请联系我, addressed to the company: the same gate as a card's (name, phone, consent to sales follow-up, on its own). */
export function ContactBlockView({ block, preview }: { block: Contact; preview: boolean }) {
  const [note, setNote] = useState('');
  const contact = useGatedAction<ContactRequestResponse>({
    loadGate: contactGate,
    perform: (submission, requestId) => requestHomeContact(submission, note, requestId),
    describe: describeCardError,
    alwaysConfirm: true,
  });
  return (
    <Card className='home-contact' title={block.title} subtitle={block.description || undefined}>
      {contact.result ? (
        <ResultPanel tone='success' title='已收到你的请求' description='顾问会尽快与你联系，请留意来电。' />
      ) : (
        <ActionButton loading={contact.busy && !contact.sheet} disabled={contact.busy || preview} onClick={() => void contact.start()}>
          请联系我
        </ActionButton>
      )}
      {!contact.sheet && contact.error && <Notice tone='error'>{contact.error}</Notice>}
      {contact.sheet && (
        <GateSheet
          action={contact}
          className='home-contact-sheet'
          title='请联系我'
          subtitle='留下称呼和手机号，顾问会尽快与你联系'
          purpose='sales_contact'
          submitLabel='提交'
          signInDescription='登录后即可提交，顾问会尽快与你联系。'
          footnote='你的信息仅用于本次联系，可在「我的 · 隐私与授权」中撤回。'
        >
          <TextAreaField label='想了解什么（选填）' name='home-contact-note' value={note} onChange={setNote} placeholder='例如：想了解报价和实施周期' maxlength={200} />
        </GateSheet>
      )}
    </Card>
  );
}

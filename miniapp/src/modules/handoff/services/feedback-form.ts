import type { ApiBody, ContactChannel, ContactOutcome, FeedbackKind, LostReason, RejectReason } from '@leadloop/shared';

type FeedbackBody = ApiBody<'giveFeedback'>;

/** Everything the feedback form may hold; each kind reads its own fields. */
export interface FeedbackForm {
  reject: RejectReason | undefined;
  lost: LostReason | undefined;
  channel: ContactChannel;
  outcome: ContactOutcome;
  followUpOn: string;
  amount: string;
  closeOn: string;
  note: string;
}

export const emptyFeedbackForm = (amountFen?: number | null): FeedbackForm => ({
  reject: undefined,
  lost: undefined,
  channel: 'call',
  outcome: 'reached',
  followUpOn: '',
  amount: amountFen ? yuanOf(amountFen) : '',
  closeOn: '',
  note: '',
});

/** 1234567 fen → "12345.67" (as the amount field shows it). */
export function yuanOf(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

/** "12,345.6" 元 → 1234560 fen; null when it is no amount. */
export function fenOf(yuan: string): number | null {
  const text = yuan.replace(/[,，\s]/g, '');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(text)) return null;
  const [whole, part = ''] = text.split('.');
  const fen = Number(whole) * 100 + Number(part.padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The request for the form's kind, or the field errors to show. */
export function feedbackBody(kind: FeedbackKind, form: FeedbackForm): { body: FeedbackBody } | { errors: Record<string, string> } {
  const note = form.note.trim() || undefined;
  const errors: Record<string, string> = {};
  const amountFen = fenOf(form.amount);
  const needAmount = () => {
    if (amountFen === null) errors.amount = '请填写金额（元），最多两位小数';
  };
  const needDay = (field: 'followUpOn' | 'closeOn', value: string, required: boolean) => {
    if ((required || value) && !DAY.test(value)) errors[field] = '请按 2026-12-31 的格式填写日期';
  };
  switch (kind) {
    case 'reject':
      if (!form.reject) errors.reject = '请选择退回原因';
      if (form.reject === 'other' && !note) errors.note = '选择「其他」时请写明原因';
      break;
    case 'lost':
      if (!form.lost) errors.lost = '请选择输单原因';
      if (form.lost === 'other' && !note) errors.note = '选择「其他」时请写明原因';
      break;
    case 'contact':
      needDay('followUpOn', form.followUpOn, false);
      break;
    case 'opportunity':
      needAmount();
      needDay('closeOn', form.closeOn, true);
      break;
    case 'won':
      needAmount();
      break;
    default:
  }
  if (Object.keys(errors).length > 0) return { errors };
  const bodies: Record<FeedbackKind, () => FeedbackBody> = {
    accept: () => ({ kind: 'accept', note }),
    reject: () => ({ kind: 'reject', reason: form.reject!, note }),
    contact: () => ({ kind: 'contact', channel: form.channel, outcome: form.outcome, note, nextFollowUpOn: form.followUpOn || undefined }),
    opportunity: () => ({ kind: 'opportunity', amountFen: amountFen!, expectedCloseOn: form.closeOn, note }),
    won: () => ({ kind: 'won', amountFen: amountFen!, note }),
    lost: () => ({ kind: 'lost', reason: form.lost!, note }),
  };
  return { body: bodies[kind]() };
}

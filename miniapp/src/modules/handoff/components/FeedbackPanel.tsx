import {
  ContactChannelLabels,
  ContactChannels,
  ContactOutcomeLabels,
  ContactOutcomes,
  FeedbackKindLabels,
  JunkRejectReasons,
  LostReasonLabels,
  LostReasons,
  RejectReasonLabels,
  RejectReasons,
  type FeedbackKind,
  type FeedbackResult,
} from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SessionScope } from '@/core/session/session-store';
import { FilterChips } from '@/modules/leads/components/FilterChips';
import { ActionButton, Notice, TextAreaField, TextField } from '@/ui';
import { emptyFeedbackForm, feedbackBody, type FeedbackForm } from '../services/feedback-form';
import { describeHandoffError, giveFeedback } from '../services/handoff.service';
import { DayField } from './DayField';
import './Handoff.scss';

const SubmitLabels: Record<FeedbackKind, string> = { accept: '确认接受', reject: '确认退回', contact: '保存跟进记录', opportunity: '保存商机', won: '确认赢单', lost: '确认输单' };

interface FeedbackPanelProps {
  scope: SessionScope;
  id: string;
  kind: FeedbackKind;
  /** The opportunity's amount, as the won form starts from it. */
  amountFen: number | null;
  onDone(result: FeedbackResult): void;
  onCancel(): void;
}

/** The form of one kind of feedback, inline in the action area. */
export function FeedbackPanel({ scope, id, kind, amountFen, onDone, onCancel }: FeedbackPanelProps) {
  const [form, setForm] = useState<FeedbackForm>(() => emptyFeedbackForm(amountFen));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<FeedbackForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    const built = feedbackBody(kind, form);
    if ('errors' in built) return setErrors(built.errors);
    setErrors({});
    setSending(true);
    setFailure(null);
    try {
      onDone(await giveFeedback(scope, id, built.body));
    } catch (error) {
      setFailure(describeHandoffError(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <View className={`handoff-form handoff-form--${kind}`}>
      <Text className='handoff-form__title'>{FeedbackKindLabels[kind]}</Text>
      {kind === 'reject' && (
        <>
          <FilterChips label='退回原因' options={RejectReasons} names={RejectReasonLabels} value={form.reject} onChange={(reject) => set({ reject })} allowAll={false} />
          {errors.reject && <Notice tone='error'>{errors.reject}</Notice>}
          {form.reject && JunkRejectReasons.includes(form.reject) && <Notice tone='warning'>将判定为无效线索：客户的意向分按「被销售判定为无效」规则扣减，线索转入培育。</Notice>}
          {form.reject && !JunkRejectReasons.includes(form.reject) && <Text className='ll-muted'>线索将转入培育，由市场继续培育。</Text>}
        </>
      )}
      {kind === 'contact' && (
        <>
          <FilterChips label='跟进方式' options={ContactChannels} names={ContactChannelLabels} value={form.channel} onChange={(channel) => set({ channel: channel ?? 'call' })} allowAll={false} />
          <FilterChips label='跟进结果' options={ContactOutcomes} names={ContactOutcomeLabels} value={form.outcome} onChange={(outcome) => set({ outcome: outcome ?? 'reached' })} allowAll={false} />
          <DayField label='下次跟进日期（选填）' name='follow-up-on' value={form.followUpOn} onChange={(followUpOn) => set({ followUpOn })} error={errors.followUpOn} hint='到期后线索会标为「待跟进」' />
        </>
      )}
      {(kind === 'opportunity' || kind === 'won') && (
        <TextField label={kind === 'won' ? '成交金额（元）' : '预计金额（元）'} name='amount' type='digit' value={form.amount} onChange={(amount) => set({ amount })} placeholder='例如 120000' maxlength={16} error={errors.amount} />
      )}
      {kind === 'opportunity' && <DayField label='预计成交日期' name='close-on' value={form.closeOn} onChange={(closeOn) => set({ closeOn })} error={errors.closeOn} />}
      {kind === 'lost' && (
        <>
          <FilterChips label='输单原因' options={LostReasons} names={LostReasonLabels} value={form.lost} onChange={(lost) => set({ lost })} allowAll={false} />
          {errors.lost && <Notice tone='error'>{errors.lost}</Notice>}
        </>
      )}
      <TextAreaField label='备注（选填）' name='note' className='handoff-form__note' value={form.note} onChange={(note) => set({ note })} maxlength={200} error={errors.note} placeholder='客户的情况、下一步计划' />
      {failure && <Notice tone='error'>{failure}</Notice>}
      <View className='handoff-form__buttons'>
        <ActionButton small block={false} loading={sending} disabled={sending} onClick={() => void submit()}>
          {SubmitLabels[kind]}
        </ActionButton>
        <ActionButton small block={false} variant='ghost' disabled={sending} onClick={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}

import { LeadStageLabels, type LeadStage } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SessionScope } from '@/core/session/session-store';
import { FilterChips } from '@/modules/leads/components/FilterChips';
import { ActionButton, Notice, TextAreaField } from '@/ui';
import { describeHandoffError, moveStage } from '../services/handoff.service';
import './Handoff.scss';

/** Marketing's manual move (recycle to nurture, back to MQL …): any stage the lifecycle allows from here, with a reason. */
export function StageMovePanel({ scope, id, moves, onDone, onCancel }: { scope: SessionScope; id: string; moves: readonly LeadStage[]; onDone(): void; onCancel(): void }) {
  const [to, setTo] = useState<LeadStage | undefined>(moves.length === 1 ? moves[0] : undefined);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async () => {
    if (!to) return setError('请选择要调整到的阶段');
    if (!reason.trim()) return setError('请填写调整原因，它会记入阶段记录');
    setSending(true);
    setError(null);
    try {
      await moveStage(scope, id, { to, reason: reason.trim() });
      onDone();
    } catch (failure) {
      setError(describeHandoffError(failure));
    } finally {
      setSending(false);
    }
  };
  return (
    <View className='handoff-form handoff-form--stage'>
      <Text className='handoff-form__title'>调整阶段</Text>
      <FilterChips label='调整到' options={moves} names={LeadStageLabels} value={to} onChange={setTo} allowAll={false} />
      <TextAreaField label='原因' name='stage-reason' value={reason} onChange={setReason} maxlength={200} placeholder='例如：暂无采购计划，转入培育' />
      {error && <Notice tone='error'>{error}</Notice>}
      <View className='handoff-form__buttons'>
        <ActionButton small block={false} loading={sending} disabled={sending} onClick={() => void submit()}>
          确认调整
        </ActionButton>
        <ActionButton small block={false} variant='ghost' disabled={sending} onClick={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  );
}

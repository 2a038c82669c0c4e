import type { UnassignedLead } from '@leadloop/shared';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { useApiResource } from '@/core/api/useApiResource';
import { listAccountOwners } from '@/modules/accounts/services/accounts.service';
import { ActionButton, BottomSheet, Loading, Notice, SelectField, TextField } from '@/ui';
import { reassignLead } from '../services/routing.service';

/** Give a queued lead to a salesperson, with the reason recorded beside the decision. */
export function AssignSheet({ lead, onClose, onAssigned }: { lead: UnassignedLead; onClose(): void; onAssigned(): void }) {
  const staff = useApiResource(listAccountOwners);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const names = Object.fromEntries((staff.data ?? []).map((s) => [s.id, s.name]));
  const save = async () => {
    if (!staffId) return setProblem('请选择负责人');
    if (!reason.trim()) return setProblem('请填写分配原因');
    setSaving(true);
    setProblem(null);
    try {
      await reassignLead(lead.personId, { staffId, reason: reason.trim() });
      onAssigned();
      onClose();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <BottomSheet title={`分配「${lead.displayName}」`} subtitle={lead.company ?? undefined} onClose={onClose} className='assign-sheet'>
      {!staff.data ? (
        staff.error ? <Notice tone='error'>{describeError(staff.error)}</Notice> : <Loading />
      ) : (
        <View className='ll-stack'>
          <SelectField label='负责人' options={Object.keys(names)} names={names} value={staffId} onChange={setStaffId} placeholder='选择销售、SDR 或渠道伙伴' className='assign-sheet__staff' />
          <TextField label='分配原因' name='reason' value={reason} onChange={setReason} maxlength={200} placeholder='如：客户在北京，由华北同事临时跟进' />
          {problem && <Notice tone='error'>{problem}</Notice>}
          <ActionButton loading={saving} disabled={saving} onClick={() => void save()}>
            确认分配
          </ActionButton>
        </View>
      )}
    </BottomSheet>
  );
}

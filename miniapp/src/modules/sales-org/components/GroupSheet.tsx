import { PartnerLeadModeLabels, PartnerLeadModes, type PartnerLeadMode, type SalesGroupView } from '@leadloop/shared';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, BottomSheet, ChoiceCards, Notice, SelectField, TextField } from '@/ui';
import { createSalesGroup, updateSalesGroup } from '../services/sales-org.service';

type StaffChoice = { id: string; name: string };
const MODE_HINTS: Record<PartnerLeadMode, string> = { partner: '渠道伙伴带来的线索由其本人跟进', manager: '渠道伙伴带来的线索交给本组组长（渠道经理）' };

/** Create a group, or rename it / change its manager and partner setting. */
export function GroupSheet({ group, staff, onClose, onSaved }: { group?: SalesGroupView; staff: StaffChoice[]; onClose(): void; onSaved(group: SalesGroupView): void }) {
  const [name, setName] = useState(group?.name ?? '');
  const [managerId, setManagerId] = useState<string | null>(group?.manager?.id ?? null);
  const [mode, setMode] = useState<PartnerLeadMode>(group?.partnerLeads ?? 'partner');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const names = Object.fromEntries(staff.map((s) => [s.id, s.name]));
  if (group?.manager) names[group.manager.id] = group.manager.name;
  const save = async () => {
    if (!name.trim()) return setProblem('请填写组名');
    setSaving(true);
    setProblem(null);
    try {
      const body = { name: name.trim(), managerStaffId: managerId, partnerLeads: mode };
      onSaved(group ? await updateSalesGroup(group.id, body) : await createSalesGroup(body));
      onClose();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <BottomSheet title={group ? '编辑销售组' : '新建销售组'} onClose={onClose} className='group-sheet'>
      <View className='ll-stack'>
        <TextField label='组名' name='group-name' value={name} onChange={setName} maxlength={40} placeholder='如：华东大客户组' />
        <SelectField label='组长' options={Object.keys(names)} names={names} value={managerId} onChange={setManagerId} clearable placeholder='暂不设置' className='group-sheet__manager' />
        <ChoiceCards label='渠道伙伴的线索' options={PartnerLeadModes} value={mode} onChange={setMode} names={PartnerLeadModeLabels} hints={MODE_HINTS} optionClassName='group-sheet__mode' />
        {problem && <Notice tone='error'>{problem}</Notice>}
        <ActionButton loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </ActionButton>
      </View>
    </BottomSheet>
  );
}

import { AccountTiers, Industries, IndustryLabels, type AccountTier, type Industry, type Province, Provinces, type SalesGroupView, type SalesMemberView } from '@leadloop/shared';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, BottomSheet, CheckOption, Notice, SelectField, TextField } from '@/ui';
import { putSalesMember } from '../services/sales-org.service';
import { ChipSet } from './ChipSet';

type StaffChoice = { id: string; name: string };
const TIER_NAMES = Object.fromEntries(AccountTiers.map((t) => [t, `${t} 级`])) as Record<AccountTier, string>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Add a member (or edit one): territory, capacity, paused, leave. */
export function MemberSheet({ group, member, staff, onClose, onSaved }: { group: SalesGroupView; member: SalesMemberView | null; staff: StaffChoice[]; onClose(): void; onSaved(group: SalesGroupView): void }) {
  const inGroup = new Set(group.members.map((m) => m.staff.id));
  const choices = Object.fromEntries(staff.filter((s) => !inGroup.has(s.id)).map((s) => [s.id, s.name]));
  const [staffId, setStaffId] = useState<string | null>(member?.staff.id ?? null);
  const [regions, setRegions] = useState<Province[]>(member?.regions ?? []);
  const [industries, setIndustries] = useState<Industry[]>(member?.industries ?? []);
  const [tiers, setTiers] = useState<AccountTier[]>(member?.tiers ?? []);
  const [capacity, setCapacity] = useState(member?.capacity === null || !member ? '' : String(member.capacity));
  const [paused, setPaused] = useState(member?.paused ?? false);
  const [awayUntil, setAwayUntil] = useState(member?.awayUntil ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async () => {
    if (!staffId) return setProblem('请选择成员');
    const cap = capacity.trim() === '' ? null : Number(capacity.trim());
    if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 10000)) return setProblem('接单上限为 1–10000 的整数，留空表示不限');
    if (awayUntil.trim() && !DATE.test(awayUntil.trim())) return setProblem('休假截止日期格式为 2026-12-31，留空表示未休假');
    setSaving(true);
    setProblem(null);
    try {
      onSaved(await putSalesMember(group.id, staffId, { regions, industries, tiers, capacity: cap, paused, awayUntil: awayUntil.trim() || null }));
      onClose();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <BottomSheet title={member ? `编辑成员：${member.staff.name}` : `添加成员到「${group.name}」`} onClose={onClose} className='member-sheet'>
      <View className='ll-stack'>
        {!member && <SelectField label='成员' options={Object.keys(choices)} names={choices} value={staffId} onChange={setStaffId} placeholder='选择销售、SDR 或渠道伙伴' className='member-sheet__staff' />}
        <ChipSet label='负责地区' options={Provinces} value={regions} onChange={setRegions} emptyHint='不限' />
        <ChipSet label='负责行业' options={Industries} value={industries} onChange={setIndustries} names={IndustryLabels} emptyHint='不限' />
        <ChipSet label='客户等级' options={AccountTiers} value={tiers} onChange={setTiers} names={TIER_NAMES} emptyHint='不限' />
        <TextField label='接单上限（在跟线索数）' name='capacity' type='number' value={capacity} onChange={setCapacity} maxlength={5} placeholder='不限' />
        <TextField label='休假至（含当天）' name='away-until' value={awayUntil} onChange={setAwayUntil} maxlength={10} placeholder='如 2026-12-31，留空表示未休假' />
        <CheckOption checked={paused} onChange={setPaused}>
          暂停接单（轮询时跳过）
        </CheckOption>
        {problem && <Notice tone='error'>{problem}</Notice>}
        <ActionButton loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </ActionButton>
      </View>
    </BottomSheet>
  );
}

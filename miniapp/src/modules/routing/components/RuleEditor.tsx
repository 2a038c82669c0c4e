import { AccountTiers, CompanySizeBandLabels, CompanySizeBands, IndustryLabels, Industries, Provinces } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ChipSet, summary } from '@/modules/sales-org/components/ChipSet';
import { ActionButton, Card, CheckOption, Loading, Notice, RetryCard, SelectField, TextField, formatDateTime } from '@/ui';
import { type RuleRow, useRoutingRules } from '../hooks/useRoutingRules';

const TIER_NAMES = Object.fromEntries(AccountTiers.map((t) => [t, `${t} 级`]));

/** The ordered rules: the first enabled one that matches a lead sends it to its group. */
export function RuleEditor() {
  const editor = useRoutingRules();
  const { rows, saved, groups } = editor;
  if (!rows || !saved.data || !groups.data) {
    const error = saved.error ?? groups.error;
    const retry = () => {
      saved.reload();
      groups.reload();
    };
    return error ? <RetryCard message={describeError(error)} onRetry={retry} /> : <Loading />;
  }
  const groupNames = Object.fromEntries(groups.data.items.map((g) => [g.id, g.name]));
  return (
    <Card title='分配规则' subtitle='MQL 和「请联系我」的线索，先看是否已有负责人、是否由销售或渠道伙伴分享带来；其余按下列规则从上到下匹配，第一条命中的规则决定销售组，组内轮流分配。'>
      {groups.data.items.length === 0 && <Notice tone='warning'>还没有销售组，请先在「销售团队」中新建销售组。</Notice>}
      {rows.length === 0 && <Text className='ll-muted'>暂无规则：所有无负责人的线索都会进入待分配队列。</Text>}
      {rows.map((row, i) => (
        <RuleRowEditor key={row.key} row={row} index={i} last={i === rows.length - 1} groupNames={groupNames} onChange={(patch) => editor.change(i, patch)} onMove={(by) => editor.move(i, by)} onRemove={() => editor.remove(i)} />
      ))}
      {editor.problem && <Notice tone='error'>{editor.problem}</Notice>}
      {editor.done && <Notice tone='success'>已保存，新的 MQL 将按这些规则分配。</Notice>}
      <View className='routing__buttons'>
        <ActionButton variant='secondary' block={false} onClick={editor.add}>
          添加规则
        </ActionButton>
        <ActionButton block={false} loading={editor.saving} disabled={editor.saving} onClick={() => void editor.save()}>
          保存规则
        </ActionButton>
      </View>
      {saved.data.updatedAt && <Text className='ll-muted'>{`${saved.data.updatedBy ?? '系统'} 于 ${formatDateTime(saved.data.updatedAt)} 保存`}</Text>}
    </Card>
  );
}

interface RowProps {
  row: RuleRow;
  index: number;
  last: boolean;
  groupNames: Record<string, string>;
  onChange(patch: Partial<RuleRow>): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function RuleRowEditor({ row, index, last, groupNames, onChange, onMove, onRemove }: RowProps) {
  const [open, setOpen] = useState(false);
  const conditions = [summary(row.regions, undefined, '全部地区'), summary(row.industries, IndustryLabels, '全部行业'), summary(row.sizeBands, CompanySizeBandLabels, '全部规模'), summary(row.tiers, TIER_NAMES, '全部等级')].join(' · ');
  return (
    <View className={`routing__rule ${row.enabled ? '' : 'routing__rule--off'}`}>
      <View className='routing__rule-head'>
        <Text className='routing__rule-index'>{index + 1}</Text>
        <CheckOption checked={row.enabled} onChange={(enabled) => onChange({ enabled })}>
          <Text>启用</Text>
        </CheckOption>
        <View className='routing__rule-moves'>
          <ActionButton small block={false} variant='ghost' disabled={index === 0} label='上移' onClick={() => onMove(-1)}>
            ↑
          </ActionButton>
          <ActionButton small block={false} variant='ghost' disabled={last} label='下移' onClick={() => onMove(1)}>
            ↓
          </ActionButton>
          <ActionButton small block={false} variant='ghost' onClick={onRemove}>
            删除
          </ActionButton>
        </View>
      </View>
      <View className='routing__fields'>
        <View className='routing__field'>
          <TextField label='规则名称' name={`rule-name-${index}`} value={row.name} onChange={(name) => onChange({ name })} maxlength={40} />
        </View>
        <View className='routing__field'>
          <SelectField label='分配到销售组' options={Object.keys(groupNames)} names={groupNames} value={row.groupId} onChange={(groupId) => onChange({ groupId })} placeholder='选择销售组' className='routing__group' />
        </View>
      </View>
      <View className='routing__conditions'>
        <Text className='routing__condition-text'>{`条件：${conditions}`}</Text>
        <ActionButton small block={false} variant='ghost' onClick={() => setOpen(!open)}>
          {open ? '收起条件' : '设置条件'}
        </ActionButton>
      </View>
      {open && (
        <View className='routing__chips'>
          <ChipSet label='地区' options={Provinces} value={row.regions} onChange={(regions) => onChange({ regions })} emptyHint='不限' />
          <ChipSet label='行业' options={Industries} value={row.industries} onChange={(industries) => onChange({ industries })} names={IndustryLabels} emptyHint='不限' />
          <ChipSet label='公司规模' options={CompanySizeBands} value={row.sizeBands} onChange={(sizeBands) => onChange({ sizeBands })} names={CompanySizeBandLabels} emptyHint='不限' />
          <ChipSet label='客户等级' options={AccountTiers} value={row.tiers} onChange={(tiers) => onChange({ tiers })} names={TIER_NAMES} emptyHint='不限' />
        </View>
      )}
    </View>
  );
}

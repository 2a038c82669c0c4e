import { AccountTiers, IndustryLabels, type MeResponse, PartnerLeadModeLabels, type SalesGroupView, type SalesMemberView, StaffRoleLabels } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, DataTable, Notice, Tag, formatDate, type TableColumn } from '@/ui';
import { chinaToday, setMemberAvailability } from '../services/sales-org.service';
import { summary } from './ChipSet';
import { GroupSheet } from './GroupSheet';
import { MemberSheet } from './MemberSheet';
import { TeamLeads } from './TeamLeads';

type StaffChoice = { id: string; name: string };
const TIER_NAMES = Object.fromEntries(AccountTiers.map((t) => [t, `${t} 级`]));

function statusOf(m: SalesMemberView): { tone: 'success' | 'warning' | 'neutral'; text: string } {
  if (m.paused) return { tone: 'warning', text: '暂停接单' };
  if (m.awayUntil && m.awayUntil >= chinaToday()) return { tone: 'neutral', text: `休假至 ${m.awayUntil.slice(5).replace('-', '月')}日` };
  if (m.capacity !== null && m.openLeads >= m.capacity) return { tone: 'warning', text: '已达上限' };
  return { tone: 'success', text: '可接单' };
}

/** One group: its members with territory, load and availability; admins edit, the manager pauses and reads the team's leads. */
export function GroupCard({ group, me, staff, onChanged }: { group: SalesGroupView; me: MeResponse; staff: StaffChoice[]; onChanged(group: SalesGroupView): void }) {
  const [editing, setEditing] = useState<SalesMemberView | 'new' | 'group' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [showLeads, setShowLeads] = useState(false);
  const manages = group.editable || group.manager?.id === me.staff?.id;

  const toggle = async (m: SalesMemberView) => {
    setBusy(m.staff.id);
    setProblem(null);
    try {
      onChanged(await setMemberAvailability(group.id, m.staff.id, { paused: !m.paused, awayUntil: m.awayUntil }));
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumn<SalesMemberView>[] = [
    {
      title: '成员',
      tone: 'strong',
      render: (m) => (
        <View className='ll-row'>
          <Text>{m.staff.name}</Text>
          <Tag tone='neutral'>{StaffRoleLabels[m.staff.role]}</Tag>
        </View>
      ),
    },
    { title: '负责范围', render: (m) => <Text>{[summary(m.regions, undefined, '全部地区'), summary(m.industries, IndustryLabels, '全部行业'), summary(m.tiers, TIER_NAMES, '全部等级')].join(' · ')}</Text> },
    { title: '在跟线索', render: (m) => <Text>{m.capacity === null ? `${m.openLeads}（不限）` : `${m.openLeads} / ${m.capacity}`}</Text> },
    { title: '状态', render: (m) => <Tag tone={statusOf(m).tone}>{statusOf(m).text}</Tag> },
    {
      title: '操作',
      className: 'sales-teams__actions',
      render: (m) => (
        <View className='ll-row'>
          <ActionButton small block={false} variant='secondary' loading={busy === m.staff.id} disabled={busy !== null} onClick={() => void toggle(m)}>
            {m.paused ? '恢复接单' : '暂停接单'}
          </ActionButton>
          {group.editable && (
            <ActionButton small block={false} variant='ghost' onClick={() => setEditing(m)}>
              编辑
            </ActionButton>
          )}
        </View>
      ),
    },
  ];

  return (
    <Card
      className='sales-teams__group'
      title={group.name}
      subtitle={`组长：${group.manager?.name ?? '未设置'} · 渠道伙伴线索：${PartnerLeadModeLabels[group.partnerLeads]} · 更新于 ${formatDate(group.updatedAt)}`}
      extra={
        group.editable && (
          <View className='ll-row'>
            <ActionButton small block={false} variant='ghost' onClick={() => setEditing('group')}>
              编辑组
            </ActionButton>
            <ActionButton small block={false} onClick={() => setEditing('new')}>
              添加成员
            </ActionButton>
          </View>
        )
      }
    >
      <DataTable block='sales-teams__members' columns={manages ? columns : columns.slice(0, 4)} rows={group.members} rowKey={(m) => m.staff.id} empty='这个组还没有成员。' />
      {problem && <Notice tone='error'>{problem}</Notice>}
      {manages && (
        <View className='sales-teams__leads'>
          <ActionButton small block={false} variant='secondary' onClick={() => setShowLeads(!showLeads)}>
            {showLeads ? '收起在跟线索' : '查看本组在跟线索'}
          </ActionButton>
          {showLeads && <TeamLeads group={group} />}
        </View>
      )}
      {editing === 'group' && <GroupSheet group={group} staff={staff} onClose={() => setEditing(null)} onSaved={onChanged} />}
      {(editing === 'new' || (editing && typeof editing === 'object')) && (
        <MemberSheet group={group} member={editing === 'new' ? null : editing} staff={staff} onClose={() => setEditing(null)} onSaved={onChanged} />
      )}
    </Card>
  );
}

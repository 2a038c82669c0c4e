import { StaffRoleLabels, StaffRoles, type StaffListItem, type StaffRole } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, BottomSheet, ChoiceCards, Loading, Notice, TextField } from '@/ui';
import { useActiveStaff } from '../hooks/useStaffDirectory';
import { changeStaffRole, handOverStaff } from '../services/staff-admin.service';
import { RoleHints } from './InviteCreator';
import './StaffTable.scss';

/** Above this many colleagues to choose from, the sheet offers a name filter. */
const FILTER_FROM = 8;

interface StaffManageSheetProps {
  member: StaffListItem;
  onClose(): void;
  /** After a change: the sentence to show, and the table reloads. */
  onChanged(message: string): void;
}

/** Admin: change a member's role, or disable a leaver and hand their customers to a colleague. */
export function StaffManageSheet({ member, onClose, onChanged }: StaffManageSheetProps) {
  // Every active colleague, not only the rows the team table has loaded so far.
  const active = useActiveStaff();
  const receivers = (active.data ?? []).filter((m) => m.id !== member.id);
  const [role, setRole] = useState<StaffRole>(member.role);
  const [receiver, setReceiver] = useState<string>('');
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState<'role' | 'handover' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const saveRole = async () => {
    setBusy('role');
    setError(null);
    try {
      await changeStaffRole(member.id, role);
      onChanged(`已将「${member.name}」的角色改为${StaffRoleLabels[role]}`);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(null);
    }
  };

  const handOver = async () => {
    const to = receivers.find((m) => m.id === receiver);
    if (!to) return setError('请选择接手的成员');
    const { confirm } = await Taro.showModal({
      title: `停用「${member.name}」并移交`,
      content: `「${member.name}」将立即无法登录；其名下客户、名片访客和联系请求全部移交给「${to.name}」。此操作会被记录。`,
      // WeChat allows at most four characters here
      confirmText: '确认移交',
      cancelText: '取消',
      confirmColor: '#e34d59',
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    setBusy('handover');
    setError(null);
    try {
      const done = await handOverStaff(member.id, to.id);
      const { prospects, cardVisitors, contactRequests } = done.counts;
      onChanged(`已停用「${member.name}」，${prospects} 位客户、${cardVisitors} 位名片访客、${contactRequests} 条联系请求已移交给「${to.name}」`);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(null);
    }
  };

  const names = Object.fromEntries(receivers.map((m) => [m.id, m.name])) as Record<string, string>;
  const hints = Object.fromEntries(receivers.map((m) => [m.id, StaffRoleLabels[m.role]])) as Record<string, string>;
  const wanted = filter.trim();
  // The chosen colleague stays on the list while the filter changes.
  const shown = receivers.filter((m) => !wanted || m.name.includes(wanted) || m.id === receiver).map((m) => m.id);

  return (
    <BottomSheet className='staff-manage' title={`管理「${member.name}」`} subtitle={`当前角色：${StaffRoleLabels[member.role]}`} onClose={onClose}>
      {error && <Notice tone='error'>{error}</Notice>}
      <View className='staff-manage__section'>
        <ChoiceCards label='角色' options={StaffRoles} value={role} onChange={setRole} names={StaffRoleLabels} hints={RoleHints} optionClassName='staff-manage__role' />
        <ActionButton className='staff-manage__save-role' loading={busy === 'role'} disabled={busy !== null || role === member.role} onClick={() => void saveRole()}>
          保存角色
        </ActionButton>
      </View>
      {member.status === 'active' && (
        <View className='staff-manage__section'>
          <Text className='staff-manage__heading'>离职交接</Text>
          <Text className='staff-manage__hint'>停用后立即生效；名下客户、名片访客和联系请求一并移交给接手人。</Text>
          {!active.data ? (
            active.error ? (
              <View className='ll-stack'>
                <Notice tone='error'>{describeError(active.error)}</Notice>
                <ActionButton variant='secondary' small block={false} onClick={active.reload}>
                  重试
                </ActionButton>
              </View>
            ) : (
              <Loading text='正在读取在职成员…' />
            )
          ) : receivers.length === 0 ? (
            <Notice tone='warning'>没有其他在职成员可以接手，请先邀请一位。</Notice>
          ) : (
            <>
              {receivers.length > FILTER_FROM && <TextField label='查找接手人' value={filter} onChange={setFilter} placeholder='输入姓名' maxlength={40} />}
              {shown.length === 0 ? (
                <Notice tone='info'>{`没有名字含「${wanted}」的在职成员。`}</Notice>
              ) : (
                <ChoiceCards label='接手人' options={shown} value={receiver} onChange={setReceiver} names={names} hints={hints} optionClassName='staff-manage__receiver' />
              )}
              <ActionButton className='staff-manage__handover' variant='danger' loading={busy === 'handover'} disabled={busy !== null || !receiver} onClick={() => void handOver()}>
                停用并移交
              </ActionButton>
            </>
          )}
        </View>
      )}
    </BottomSheet>
  );
}

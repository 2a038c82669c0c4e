import { StaffRoleLabels, type MeResponse } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Avatar, Card, Notice, Tag, TextField } from '@/ui';
import { updateNickname } from '../services/identity.service';
import './ProfileCard.scss';

interface ProfileCardProps {
  me: MeResponse;
  onUpdated(me: MeResponse): void;
}

export function ProfileCard({ me, onUpdated }: ProfileCardProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(me.person.nickname ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const startEditing = () => {
    setDraft(me.person.nickname ?? '');
    setError(null);
    setEditing(true);
  };

  const save = async () => {
    const nickname = draft.trim();
    if (!nickname) {
      setError('昵称不能为空');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onUpdated(await updateNickname(nickname));
      setEditing(false);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };

  const displayName = me.person.nickname ?? me.staff?.name ?? null;
  // what the person gave in forms (corrected in 我的 · 个人信息)
  const given = [me.person.name, me.person.company, me.person.title].filter(Boolean).join(' · ');

  return (
    <Card className='profile-card'>
      <View className='profile-card__main'>
        <Avatar name={displayName} large />
        <View className='profile-card__who'>
          <Text className='profile-card__name'>{displayName ?? '未设置昵称'}</Text>
          {given && <Text className='profile-card__given'>{given}</Text>}
          <View className='profile-card__tags'>
            {me.staff ? (
              <Tag tone='brand'>
                {StaffRoleLabels[me.staff.role]} · {me.staff.name}
              </Tag>
            ) : (
              <Tag tone='neutral'>访客</Tag>
            )}
          </View>
        </View>
        {!editing && (
          <ActionButton variant='secondary' small block={false} onClick={startEditing}>
            编辑昵称
          </ActionButton>
        )}
      </View>

      {editing && (
        <View className='profile-card__edit'>
          <TextField label='昵称' name='nickname' value={draft} onChange={setDraft} placeholder='给自己起个名字' maxlength={40} onConfirm={() => void save()} />
          {error && <Notice tone='error'>{error}</Notice>}
          <View className='ll-row'>
            <ActionButton variant='ghost' onClick={() => setEditing(false)}>
              取消
            </ActionButton>
            <ActionButton loading={saving} disabled={saving} onClick={() => void save()}>
              保存
            </ActionButton>
          </View>
        </View>
      )}
    </Card>
  );
}

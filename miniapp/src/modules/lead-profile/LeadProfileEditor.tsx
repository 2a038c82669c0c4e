import {
  BuyingRoleLabels,
  BuyingRoles,
  CompanySizeBandLabels,
  CompanySizeBands,
  Industries,
  IndustryLabels,
  Provinces,
  Seniorities,
  SeniorityLabels,
  type LeadProfile,
  type Seniority,
} from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { describeError } from '@/core/api/api-error';
import { useApiResource } from '@/core/api/useApiResource';
import { ActionButton, Card, Loading, Notice, SelectField, Tappable, TextField, formatDateTime } from '@/ui';
import { editLeadProfile, getLeadProfile, setLeadTags } from './services/lead-profile.service';
import { changeBy, changeLine, changesOf, draftOf, tagToAdd, TextLimits, type DraftErrors, type LeadProfileDraft } from './services/lead-profile-form';
import './LeadProfileEditor.scss';

const SeniorityChoices = ['auto', ...Seniorities] as const;
type SeniorityChoice = (typeof SeniorityChoices)[number];

interface LeadProfileEditorProps {
  personId: string;
  /** After a save, with the profile as the server now holds it. */
  onSaved?(profile: LeadProfile): void;
}

/**
 * A lead's profile as staff edit it (lead detail, console and 我的线索): the fields, the tags, and
 * the last changes with who made them. Only changed fields are sent; the server records each one
 * with the staff member's name and refuses leads the caller may not see.
 */
export function LeadProfileEditor({ personId, onSaved }: LeadProfileEditorProps) {
  const load = useCallback(() => getLeadProfile(personId), [personId]);
  const { data, error, reload, setData } = useApiResource(load);
  if (error && !data)
    return (
      <Card title='客户资料'>
        <Notice tone='error'>{describeError(error)}</Notice>
        <ActionButton variant='secondary' small block={false} onClick={reload}>
          重试
        </ActionButton>
      </Card>
    );
  if (!data) return <Loading />;
  const saved = (next: LeadProfile) => {
    setData(next);
    onSaved?.(next);
  };
  return (
    <View className='lead-profile'>
      <ProfileForm key={data.changes[0]?.at ?? 'none'} profile={data} onSaved={saved} />
      <TagEditor profile={data} onSaved={saved} />
      <History profile={data} />
    </View>
  );
}

function ProfileForm({ profile, onSaved }: { profile: LeadProfile; onSaved(p: LeadProfile): void }) {
  const [draft, setDraft] = useState<LeadProfileDraft>(() => draftOf(profile));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof LeadProfileDraft>(key: K, value: LeadProfileDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setNotice(null);
  };
  const text = (key: keyof typeof TextLimits, label: string, placeholder?: string) => (
    <TextField label={label} name={`lead-${key}`} value={draft[key]} onChange={(v) => set(key, v)} maxlength={TextLimits[key]} placeholder={placeholder} error={errors[key] ?? null} />
  );

  const save = async () => {
    const { changes, errors: found } = changesOf(profile, draft);
    setErrors(found);
    if (!changes) return setNotice(Object.keys(found).length > 0 ? { tone: 'error', text: '请先修正标红的内容' } : { tone: 'success', text: '没有需要保存的修改' });
    setBusy(true);
    try {
      onSaved(await editLeadProfile(profile.personId, changes));
    } catch (failure) {
      setNotice({ tone: 'error', text: describeError(failure) });
    } finally {
      setBusy(false);
    }
  };

  const autoSeniority = profile.seniorityEdited ? '按职位自动判断' : `按职位自动判断${profile.seniority ? `（当前：${SeniorityLabels[profile.seniority]}）` : ''}`;
  return (
    <Card title='客户资料' subtitle={profile.account ? `所属客户：${profile.account.name}` : '尚未归入客户（填写公司名称或企业邮箱后自动归入）'}>
      <View className='lead-profile__grid'>
        {text('name', '姓名')}
        {text('company', '公司', '公司全称')}
        {text('title', '职位', '例如：IT 总监')}
        {text('department', '部门', '例如：信息技术部')}
        {text('email', '邮箱', 'name@company.com')}
        <SelectField className='lead-profile__industry' label='所属行业' options={Industries} names={IndustryLabels} value={draft.industry} clearable onChange={(v) => set('industry', v)} />
        <SelectField className='lead-profile__size' label='公司规模' options={CompanySizeBands} names={CompanySizeBandLabels} value={draft.sizeBand} clearable onChange={(v) => set('sizeBand', v)} />
        <SelectField className='lead-profile__province' label='省份' options={Provinces} value={draft.province} clearable onChange={(v) => set('province', v)} />
        {text('city', '城市', '例如：深圳')}
        <SelectField<SeniorityChoice>
          className='lead-profile__seniority'
          label='职级'
          options={SeniorityChoices}
          names={{ auto: autoSeniority, ...SeniorityLabels }}
          value={draft.seniority}
          onChange={(v) => set('seniority', (v ?? 'auto') as Seniority | 'auto')}
        />
        <SelectField className='lead-profile__role' label='采购角色' options={BuyingRoles} names={BuyingRoleLabels} value={draft.buyingRole} clearable onChange={(v) => set('buyingRole', v)} />
      </View>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <ActionButton loading={busy} disabled={busy} onClick={() => void save()}>
        保存资料
      </ActionButton>
    </Card>
  );
}

function TagEditor({ profile, onSaved }: { profile: LeadProfile; onSaved(p: LeadProfile): void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const write = async (tags: string[]) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await setLeadTags(profile.personId, tags));
      setTyped('');
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  const add = () => {
    const verdict = tagToAdd(profile.tags, typed);
    if ('error' in verdict) return setError(verdict.error);
    void write([...profile.tags, verdict.tag]);
  };
  return (
    <Card title='标签' subtitle={`${profile.tags.length} / 20`}>
      <View className='lead-profile__tags'>
        {profile.tags.length === 0 && <Text className='ll-muted'>还没有标签</Text>}
        {profile.tags.map((tag) => (
          <View className='lead-profile__tag' key={tag}>
            <Text>{tag}</Text>
            <Tappable className='lead-profile__tag-remove' role='button' label={`移除标签${tag}`} disabled={busy} onTap={() => void write(profile.tags.filter((t) => t !== tag))}>
              <Text>×</Text>
            </Tappable>
          </View>
        ))}
      </View>
      <View className='lead-profile__tag-add'>
        <TextField label='新标签' name='lead-tag' value={typed} onChange={setTyped} onConfirm={add} maxlength={20} placeholder='例如：展会客户' error={error} />
        <ActionButton small block={false} variant='secondary' loading={busy} disabled={busy} onClick={add}>
          添加
        </ActionButton>
      </View>
    </Card>
  );
}

function History({ profile }: { profile: LeadProfile }) {
  if (profile.changes.length === 0) return null;
  return (
    <Card title='资料变更记录' subtitle='最近 20 条'>
      <View className='lead-profile__history'>
        {profile.changes.map((change, i) => (
          <View className='lead-profile__change' key={`${change.at}-${i}`}>
            <Text className='lead-profile__change-line'>{changeLine(change)}</Text>
            <Text className='ll-muted'>
              {changeBy(change)} · {formatDateTime(change.at)}
            </Text>
          </View>
        ))}
      </View>
    </Card>
  );
}

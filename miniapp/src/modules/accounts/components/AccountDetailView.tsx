import {
  AccountTiers,
  BuyingRoleLabels,
  BuyingRoles,
  CompanySizeBandLabels,
  CompanySizeBands,
  Industries,
  IndustryLabels,
  LeadStageLabels,
  Provinces,
  SeniorityLabels,
  type AccountContact,
  type AccountDetail,
  type AccountSummary,
  type AccountTier,
  type BuyingRole,
  type CompanySizeBand,
  type Industry,
  type Province,
  type UpdateAccountRequest,
} from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Routes } from '@/core/routes';
import { describeError } from '@/core/api/api-error';
import { ActionButton, Card, confirmAction, DataTable, Notice, SelectField, Tag, Tappable, TextField, type TableColumn } from '@/ui';
import { useApiResource } from '@/core/api/useApiResource';
import { listAccountOwners, listAccounts, mergeAccounts, setContactRole, updateAccount } from '../services/accounts.service';
import { industryOf, regionOf, sizeOf, targetOf } from '../services/account-format';
import './Accounts.scss';

interface Props {
  account: AccountDetail;
  onChanged(next: AccountDetail): void;
}

/** An account page: its profile (editable by the console), its contacts with their buying roles, and merging a duplicate into it. */
export function AccountDetailView({ account, onChanged }: Props) {
  return (
    <View className='account-detail'>
      <View className='account-detail__main'>
        <AccountFacts account={account} />
        <ContactsCard account={account} onChanged={onChanged} />
      </View>
      {account.editable && (
        <View className='account-detail__side'>
          <AccountEditor key={account.updatedAt} account={account} onChanged={onChanged} />
          <MergeCard account={account} onChanged={onChanged} />
        </View>
      )}
    </View>
  );
}

function AccountFacts({ account }: { account: AccountDetail }) {
  const facts: [string, string][] = [
    ['行业', industryOf(account)],
    ['规模', sizeOf(account)],
    ['地区', regionOf(account)],
    ['ABM', targetOf(account)],
    ['负责人', account.owner?.name ?? '未分配'],
    ['企业邮箱域名', account.emailDomain ?? '—'],
    ['联系人', `${account.contactCount} 位`],
    ['意向分（联系人合计）', String(account.intent)],
  ];
  return (
    <Card title={account.name} subtitle={account.mergedNames.length > 0 ? `已合并：${account.mergedNames.join('、')}` : undefined}>
      <View className='account-facts'>
        {facts.map(([label, value]) => (
          <View className='account-facts__item' key={label}>
            <Text className='account-facts__label'>{label}</Text>
            <Text className='account-facts__value'>{value}</Text>
          </View>
        ))}
      </View>
    </Card>
  );
}

function ContactsCard({ account, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const setRole = async (contact: AccountContact, role: BuyingRole | null) => {
    setError(null);
    try {
      onChanged(await setContactRole(account.id, contact.personId, { buyingRole: role }));
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  const columns: TableColumn<AccountContact>[] = [
    {
      title: '姓名',
      tone: 'strong',
      // the console opens the contact's lead; an owner who is not the console sees the name
      render: (c) =>
        account.editable && c.stage ? (
          <Tappable className='account-contacts__lead' label={`查看 ${c.name ?? '联系人'} 的线索`} onTap={() => void Taro.navigateTo({ url: `${Routes.consoleLead}?id=${encodeURIComponent(c.personId)}` })}>
            <Text>{c.name ?? '未留姓名'}</Text>
          </Tappable>
        ) : (
          (c.name ?? '未留姓名')
        ),
    },
    { title: '职位', render: (c) => [c.title, c.seniority ? SeniorityLabels[c.seniority] : null].filter(Boolean).join(' · ') || '—' },
    {
      title: '采购角色',
      className: 'account-contacts__role',
      render: (c) =>
        account.editable ? (
          <SelectField
            className='account-contacts__role-field'
            label={`${c.name ?? '联系人'}的采购角色`}
            options={BuyingRoles}
            names={BuyingRoleLabels}
            value={c.buyingRole}
            clearable
            placeholder='未设置'
            onChange={(role) => void setRole(c, role)}
          />
        ) : (
          (c.buyingRole && BuyingRoleLabels[c.buyingRole]) ?? '未设置'
        ),
    },
    { title: '阶段', render: (c) => (c.stage ? <Tag tone='neutral'>{LeadStageLabels[c.stage]}</Tag> : '—') },
    { title: '匹配度', render: (c) => c.fitGrade ?? '—' },
    { title: '意向分', className: 'account-table__number', render: (c) => (c.intent === null ? '—' : String(c.intent)) },
  ];
  return (
    <Card title='联系人' subtitle={`按意向分从高到低，共 ${account.contacts.length} 位`}>
      {error && <Notice tone='error'>{error}</Notice>}
      <DataTable block='account-contacts' columns={columns} rows={account.contacts} rowKey={(c) => c.personId} empty='还没有联系人。访客填写的公司名称或企业邮箱与该客户一致时，会自动归入这里。' />
    </Card>
  );
}

type Draft = { name: string; industry: Industry | null; sizeBand: CompanySizeBand | null; province: Province | null; city: string; tier: AccountTier | 'none'; ownerStaffId: string | null };

function draftOf(a: AccountSummary): Draft {
  return { name: a.name, industry: a.industry, sizeBand: a.sizeBand, province: a.province, city: a.city ?? '', tier: a.isTarget ? (a.tier ?? 'none') : 'none', ownerStaffId: a.owner?.id ?? null };
}

const TierChoices = [...AccountTiers, 'none'] as const;
const TierNames: Record<(typeof TierChoices)[number], string> = { A: 'A 类目标', B: 'B 类目标', C: 'C 类目标', none: '不是目标客户' };

function AccountEditor({ account, onChanged }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(account));
  const owners = useApiResource(listAccountOwners);
  const ownerNames = Object.fromEntries([...(account.owner ? [[account.owner.id, account.owner.name]] : []), ...(owners.data ?? []).map((s) => [s.id, s.name])]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    if (!draft.name.trim()) return setError('请填写客户名称');
    const changes: UpdateAccountRequest = {
      name: draft.name.trim(),
      industry: draft.industry,
      sizeBand: draft.sizeBand,
      province: draft.province,
      city: draft.city.trim() || null,
      ownerStaffId: draft.ownerStaffId,
      ...(draft.tier === 'none' ? { isTarget: false } : { isTarget: true, tier: draft.tier }),
    };
    setBusy(true);
    setError(null);
    try {
      onChanged(await updateAccount(account.id, changes));
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title='编辑客户资料'>
      <TextField label='客户名称' name='account-name' value={draft.name} onChange={(v) => set('name', v)} maxlength={80} />
      <SelectField className='account-edit__industry' label='行业' options={Industries} names={IndustryLabels} value={draft.industry} clearable onChange={(v) => set('industry', v)} />
      <SelectField className='account-edit__size' label='规模' options={CompanySizeBands} names={CompanySizeBandLabels} value={draft.sizeBand} clearable onChange={(v) => set('sizeBand', v)} />
      <SelectField className='account-edit__province' label='省份' options={Provinces} value={draft.province} clearable onChange={(v) => set('province', v)} />
      <TextField label='城市' name='account-city' value={draft.city} onChange={(v) => set('city', v)} maxlength={20} placeholder='例如：深圳' />
      <SelectField className='account-edit__owner' label='负责人' options={Object.keys(ownerNames)} names={ownerNames} value={draft.ownerStaffId} clearable placeholder='未分配' onChange={(v) => set('ownerStaffId', v)} />
      <SelectField className='account-edit__tier' label='ABM 目标等级' options={TierChoices} names={TierNames} value={draft.tier} onChange={(v) => set('tier', v ?? 'none')} />
      {error && <Notice tone='error'>{error}</Notice>}
      <ActionButton loading={busy} disabled={busy} onClick={() => void save()}>
        保存
      </ActionButton>
    </Card>
  );
}

/** Find the duplicate by name, then merge it here after a confirmation. */
function MergeCard({ account, onChanged }: Props) {
  const [query, setQuery] = useState('');
  const [candidates, setCandidates] = useState<AccountSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const search = async () => {
    if (!query.trim()) return;
    setError(null);
    try {
      const page = await listAccounts({ q: query.trim() }, undefined, 10);
      setCandidates(page.items.filter((a) => a.id !== account.id));
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  const merge = async (other: AccountSummary) => {
    const ok = await confirmAction({
      title: '合并客户',
      content: `把「${other.name}」的 ${other.contactCount} 位联系人并入「${account.name}」？合并后「${other.name}」不再单独显示。`,
      confirmText: '合并',
      destructive: true,
    });
    if (!ok) return;
    setBusyId(other.id);
    setError(null);
    try {
      onChanged(await mergeAccounts(account.id, { mergedId: other.id }));
      setCandidates(null);
      setQuery('');
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Card title='合并重复客户' subtitle='同一家公司被记成两家时，把另一家并入这里'>
      <View className='account-merge__search'>
        <TextField label='要并入的客户' name='merge-search' value={query} onChange={setQuery} onConfirm={() => void search()} placeholder='输入公司名称' maxlength={80} />
        <ActionButton small block={false} variant='secondary' onClick={() => void search()}>
          查找
        </ActionButton>
      </View>
      {error && <Notice tone='error'>{error}</Notice>}
      {candidates && candidates.length === 0 && <Text className='ll-muted'>没有找到其他同名客户。</Text>}
      {candidates?.map((other) => (
        <View className='account-merge__candidate' key={other.id}>
          <View className='account-merge__text'>
            <Text className='account-merge__name'>{other.name}</Text>
            <Text className='ll-muted'>
              {industryOf(other)} · {other.contactCount} 位联系人
            </Text>
          </View>
          <Tappable className='account-merge__action' role='button' label={`把${other.name}并入当前客户`} onTap={() => void merge(other)} disabled={busyId !== null}>
            <Text>{busyId === other.id ? '合并中…' : '并入'}</Text>
          </Tappable>
        </View>
      ))}
    </Card>
  );
}

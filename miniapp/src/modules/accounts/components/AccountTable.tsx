import { AccountTiers, Industries, IndustryLabels, type AccountSummary, type Industry } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Routes } from '@/core/routes';
import { ActionButton, Card, ResourceTable, SelectField, Tag, Tappable, TextField, type ResourceList, type TableColumn } from '@/ui';
import type { AccountFilters } from '../services/accounts.service';
import { industryOf, regionOf, sizeOf, targetOf } from '../services/account-format';
import './Accounts.scss';

const openAccount = (account: AccountSummary) => void Taro.navigateTo({ url: `${Routes.consoleAccount}?id=${encodeURIComponent(account.id)}` });

const Columns: TableColumn<AccountSummary>[] = [
  {
    title: '客户名称',
    tone: 'strong',
    className: 'account-table__name',
    render: (a) => (
      <Tappable className='account-table__link' onTap={() => openAccount(a)}>
        <Text>{a.name}</Text>
      </Tappable>
    ),
  },
  { title: '行业', render: industryOf },
  { title: '规模', tone: 'muted', render: sizeOf },
  { title: '地区', tone: 'muted', render: regionOf },
  { title: 'ABM', render: (a) => (a.isTarget ? <Tag tone={a.tier === 'A' ? 'danger' : a.tier === 'B' ? 'warning' : 'brand'}>{targetOf(a)}</Tag> : <Text className='ll-muted'>—</Text>) },
  { title: '负责人', render: (a) => a.owner?.name ?? '未分配' },
  { title: '联系人', className: 'account-table__number', render: (a) => String(a.contactCount) },
  { title: '客户意向', className: 'account-table__number', render: (a) => String(a.intent) },
];

const TargetChoices = ['true', 'false'] as const;
const TargetNames = { true: '目标客户', false: '非目标客户' };

interface AccountTableProps {
  list: ResourceList<AccountSummary>;
  filters: AccountFilters;
  onFilters(next: AccountFilters): void;
  onImport(): void;
}

/** Every account, newest first, filtered by ABM target and tier, industry and name. */
export function AccountTable({ list, filters, onFilters, onImport }: AccountTableProps) {
  const [query, setQuery] = useState(filters.q ?? '');
  const search = () => onFilters({ ...filters, q: query.trim() || undefined });
  return (
    <View className='account-console'>
      <Card className='account-filters-card'>
        <View className='account-filters' role='search'>
          <View className='account-filters__search'>
            <TextField label='客户名称' name='account-search' value={query} onChange={setQuery} onConfirm={search} placeholder='输入公司名称搜索' maxlength={80} />
            <ActionButton small block={false} variant='secondary' onClick={search}>
              搜索
            </ActionButton>
          </View>
          <SelectField
            className='account-filters__target'
            label='是否目标客户'
            options={TargetChoices}
            names={TargetNames}
            value={filters.target ?? null}
            clearable
            placeholder='全部'
            onChange={(target) => onFilters({ ...filters, target: target ?? undefined })}
          />
          <SelectField
            className='account-filters__tier'
            label='目标等级'
            options={AccountTiers}
            names={{ A: 'A 类', B: 'B 类', C: 'C 类' }}
            value={filters.tier ?? null}
            clearable
            placeholder='全部'
            onChange={(tier) => onFilters({ ...filters, tier: tier ?? undefined })}
          />
          <SelectField<Industry>
            className='account-filters__industry'
            label='行业'
            options={Industries}
            names={IndustryLabels}
            value={filters.industry ?? null}
            clearable
            placeholder='全部'
            onChange={(industry) => onFilters({ ...filters, industry: industry ?? undefined })}
          />
        </View>
      </Card>
      <ResourceTable
        list={list}
        title='客户列表'
        subtitle={(items, hasMore) => `共 ${items.length}${hasMore ? '+' : ''} 家`}
        extra={
          <ActionButton small block={false} onClick={onImport}>
            导入目标客户
          </ActionButton>
        }
        block='account-table'
        columns={Columns}
        rowKey={(a) => a.id}
        empty={Object.values(filters).some(Boolean) ? '没有符合条件的客户，换个条件试试。' : '还没有客户。访客留下公司名称后会自动归入客户，也可以导入目标客户名单。'}
      />
    </View>
  );
}

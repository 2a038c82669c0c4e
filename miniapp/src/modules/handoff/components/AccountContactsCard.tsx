import { BuyingRoleLabels, LeadStageLabels, type LeadHandoff } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import type { SessionScope } from '@/core/session/session-store';
import { Card, Tag, Tappable } from '@/ui';
import './Handoff.scss';

/** The company behind the lead and its other people (decision makers first), so the salesperson sees the whole buying group. */
export function AccountContactsCard({ scope, handoff }: { scope: SessionScope; handoff: LeadHandoff | null }) {
  if (!handoff?.account) return null;
  const { account, otherContacts } = handoff;
  const open = (id: string) => void Taro.navigateTo({ url: `${scope === 'app' ? Routes.leadDetail : Routes.consoleLead}?id=${encodeURIComponent(id)}` });
  return (
    <Card title={`客户公司：${account.name}`} subtitle={`共 ${account.contactCount} 位联系人`} className='handoff-account'>
      <View className='ll-row'>
        {account.isTarget && <Tag tone='success'>{account.tier ? `${account.tier} 级目标客户` : '目标客户'}</Tag>}
      </View>
      {otherContacts.length === 0 ? (
        <Text className='ll-muted'>这家公司还没有其他联系人。</Text>
      ) : (
        otherContacts.map((c) => {
          const body = (
            <>
              <View className='handoff-contact__text'>
                <Text className='handoff-contact__name'>{c.displayName}</Text>
                <Text className='ll-muted'>{[c.title, c.buyingRole ? BuyingRoleLabels[c.buyingRole] : null].filter(Boolean).join(' · ') || '职位未填写'}</Text>
                <Text className='ll-muted'>{c.owner ? `负责人：${c.owner}` : '暂无负责人'}</Text>
              </View>
              {c.stage && <Tag tone='neutral'>{LeadStageLabels[c.stage]}</Tag>}
            </>
          );
          return c.openable ? (
            <Tappable key={c.id} className='handoff-contact handoff-contact--open' label={`打开 ${c.displayName} 的线索`} onTap={() => open(c.id)}>
              {body}
            </Tappable>
          ) : (
            <View key={c.id} className='handoff-contact'>
              {body}
            </View>
          );
        })
      )}
    </Card>
  );
}

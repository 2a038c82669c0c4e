import type { LeadListItem } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { formatMonthDayTime, Tag, Tappable } from '@/ui';
import { LeadBadges } from './LeadBadges';
import './Leads.scss';

/** A lead in 我的线索: who, where they stand, what they did last, the score now. */
export function LeadRow({ lead, onOpen }: { lead: LeadListItem; onOpen(): void }) {
  return (
    <Tappable className='lead-row' label={`${lead.displayName}，意向分 ${lead.score}`} onTap={onOpen}>
      <View className='lead-row__text'>
        <Text className='lead-row__name'>{lead.displayName}</Text>
        <Text className='ll-muted'>{[lead.company, lead.title].filter(Boolean).join(' · ') || '公司未填写'}</Text>
        <View className='ll-row'>
          <LeadBadges stage={lead.stage} grade={lead.grade} />
          {lead.followUpOn && <Tag tone='warning'>{`待跟进 ${lead.followUpOn}`}</Tag>}
        </View>
        <Text className='ll-muted'>
          {lead.lastActivity.label} · {formatMonthDayTime(lead.lastActivity.at)}
        </Text>
      </View>
      <View className='lead-row__side'>
        <Text className='lead-row__score'>{lead.score}</Text>
        <Text className='ll-muted'>意向分</Text>
        <Text className='ll-muted'>{lead.phoneMasked ?? '未留手机号'}</Text>
      </View>
    </Tappable>
  );
}

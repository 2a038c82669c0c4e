import type { LiveReport } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { LeadSourceCounts } from '@/modules/leads/components/LeadSourceCounts';
import { ActionButton, Card, DataTable, Loading, RetryCard, type TableColumn } from '@/ui';
import { useLiveReport } from '../hooks/useLiveReport';
import { describeLiveError } from '../services/live-errors';
import { formatMoney, formatPrice } from '../services/live-format';
import './LiveConsole.scss';

type ChannelRow = LiveReport['byChannel'][number];
type SharerRow = LiveReport['bySharer'][number];
type SurveyItem = LiveReport['survey'][number];

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

const ChannelColumns: TableColumn<ChannelRow>[] = [
  { title: '渠道', tone: 'strong', render: (r) => r.channelName },
  { title: '报名', render: (r) => r.signups },
];

function sharerColumns(paid: boolean): TableColumn<SharerRow>[] {
  const columns: TableColumn<SharerRow>[] = [
    { title: '分享人', tone: 'strong', render: (r) => r.name },
    { title: '带来报名', render: (r) => r.signups },
  ];
  if (paid) columns.push({ title: '付费', render: (r) => r.paid }, { title: '收入', render: (r) => formatMoney(r.revenueFen) });
  return columns;
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <View className='live-stats__item'>
      <Text className='live-stats__value'>{value}</Text>
      <Text className='live-stats__label'>{label}</Text>
      {note && <Text className='live-stats__note'>{note}</Text>}
    </View>
  );
}

function SurveyResult({ item }: { item: SurveyItem }) {
  const total = Math.max(1, item.responses);
  return (
    <View className='live-survey-result'>
      <Text className='live-survey-result__question'>
        {item.text}
        <Text className='ll-muted'>（{item.responses} 人回答）</Text>
      </Text>
      {item.choices.map((c) => (
        <View className='live-survey-result__choice' key={c.choice}>
          <Text className='live-survey-result__label'>{c.choice}</Text>
          <View className='live-survey-result__bar'>
            <View className='live-survey-result__fill' style={{ width: `${(c.count / total) * 100}%` }} />
          </View>
          <Text className='live-survey-result__count'>{c.count}</Text>
        </View>
      ))}
      {item.texts.map((text, i) => (
        <Text className='live-survey-result__text' key={i}>
          “{text}”
        </Text>
      ))}
    </View>
  );
}

/** One event's numbers: who signed up through whom, who watched and how long, what they said, what it earned. */
export function LiveReportView({ id }: { id: string }) {
  const { data: report, error, reload } = useLiveReport(id);
  if (!report) return error ? <RetryCard message={describeLiveError(error)} onRetry={reload} /> : <Loading />;
  const paid = report.event.priceFen > 0;
  const { signups, attendance, revenue } = report;

  return (
    <View className='live-report'>
      <Card
        title={report.event.title}
        subtitle={`${formatPrice(report.event.priceFen)} · 名额 ${report.event.capacity}`}
        extra={
          <View className='ll-row'>
            <ActionButton variant='ghost' small block={false} onClick={() => void Taro.navigateTo({ url: `${Routes.consoleLiveEdit}?id=${encodeURIComponent(id)}` })}>
              编辑直播
            </ActionButton>
            <ActionButton variant='secondary' small block={false} onClick={reload}>
              刷新
            </ActionButton>
          </View>
        }
      >
        <View className='live-stats'>
          <Stat label='报名成功' value={String(signups.confirmed)} note={signups.pendingPayment > 0 ? `另有 ${signups.pendingPayment} 人待支付` : undefined} />
          <Stat label='已取消' value={String(signups.cancelled)} />
          <Stat label='观看人数' value={String(attendance.attendees)} note={`出席率 ${percent(attendance.rate)}`} />
          <Stat label='人均观看' value={`${attendance.averageWatchMinutes} 分钟`} />
          {paid && <Stat label='净收入' value={formatMoney(revenue.netFen)} note={`${revenue.paidOrders} 笔订单`} />}
        </View>
      </Card>

      <LeadSourceCounts contentType='live' contentId={id} title={report.event.title} />

      <View className='live-report__grid'>
        <Card className='live-report__half' title='按分享人' subtitle='报名成功的人由谁带来（分享链的发起员工）'>
          <DataTable block='live-report-sharers' columns={sharerColumns(paid)} rows={report.bySharer} rowKey={(r) => r.staffId ?? 'organic'} empty='还没有报名' />
        </Card>
        <Card className='live-report__half' title='按渠道'>
          <DataTable block='live-report-channels' columns={ChannelColumns} rows={report.byChannel} rowKey={(r) => r.channelId ?? 'direct'} empty='还没有报名' />
        </Card>
      </View>

      {paid && (
        <Card title='收入'>
          <View className='live-stats live-stats--revenue'>
            <Stat label='付费订单' value={String(revenue.paidOrders)} />
            <Stat label='总收入' value={formatMoney(revenue.grossFen)} />
            <Stat label='已退款' value={formatMoney(revenue.refundedFen)} />
            <Stat label='净收入' value={formatMoney(revenue.netFen)} />
          </View>
        </Card>
      )}

      <Card title='问卷结果'>
        {report.survey.length === 0 ? <Text className='ll-muted'>本场直播没有设置问卷。</Text> : report.survey.map((item) => <SurveyResult key={item.id} item={item} />)}
      </Card>
    </View>
  );
}

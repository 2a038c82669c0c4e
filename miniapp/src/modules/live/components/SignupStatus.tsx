import type { LiveEventView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { ActionButton, Card, Notice, Tag } from '@/ui';
import type { SignupFlow } from '../hooks/useSignup';
import { formatLiveTime, formatMoney } from '../services/live-format';
import type { LiveActions } from '../services/live-state';
import './LiveDetail.scss';

interface SignupStatusProps {
  event: LiveEventView;
  actions: LiveActions;
  flow: SignupFlow;
  onSurvey(): void;
}

/** Where the person stands: signed up (reminders, when the room opens), awaiting payment, or not. */
export function SignupStatus({ event, actions, flow, onSurvey }: SignupStatusProps) {
  const showError = !!flow.error;
  if (actions.signup === 'none') {
    return (
      <>
        {flow.notice && <Notice tone='success'>{flow.notice}</Notice>}
        {showError && <Notice tone='error'>{flow.error}</Notice>}
      </>
    );
  }

  const confirmed = actions.signup === 'confirmed';
  return (
    <Card className={`live-signup live-signup--${actions.signup}`}>
      <View className='live-signup__head'>
        <View className={`live-signup__mark live-signup__mark--${actions.signup}`}>
          <Text>{confirmed ? '✓' : '¥'}</Text>
        </View>
        <View className='live-signup__titles'>
          <Text className='live-signup__title'>{confirmed ? '已报名' : '待支付'}</Text>
          <Text className='live-signup__subtitle'>
            {confirmed ? `开播时间 ${formatLiveTime(event.startAt)}` : '名额已为你保留，完成支付后报名即确认'}
          </Text>
        </View>
        {confirmed && event.mySignup?.paid && <Tag tone='success'>已支付 {formatMoney(event.priceFen)}</Tag>}
      </View>

      {flow.notice && <Notice tone='success'>{flow.notice}</Notice>}
      {showError && <Notice tone='error'>{flow.error}</Notice>}

      {!confirmed && flow.payment === 'confirming' && (
        <View className='live-signup__confirming'>
          <View className='live-signup__spinner' />
          <Text>支付确认中…</Text>
        </View>
      )}
      {!confirmed && flow.payment === 'slow' && <Notice tone='warning'>支付结果确认较慢，请稍后刷新查看；如已扣款，报名会自动确认。</Notice>}

      {confirmed && (
        <View className='live-signup__lines'>
          {flow.reminders === 'granted' && <Text className='live-signup__line live-signup__line--ok'>已开启开播提醒，开播前会通过微信服务通知提醒你</Text>}
          {flow.reminders === 'asking' && <Text className='live-signup__line'>正在请求提醒权限…</Text>}
          {actions.roomOpensInMinutes !== null && <Text className='live-signup__line'>直播间将在开播前 30 分钟开放</Text>}
          {(flow.reminders === 'none' || flow.reminders === 'declined') && flow.canAskReminders && actions.phase === 'upcoming' && (
            <ActionButton variant='secondary' small onClick={() => void flow.askReminders()}>
              开启开播提醒
            </ActionButton>
          )}
        </View>
      )}

      <View className='live-signup__actions'>
        {actions.canAnswerSurvey && (
          <ActionButton variant='secondary' small block={false} onClick={onSurvey}>
            填写问卷
          </ActionButton>
        )}
        {flow.payment === 'slow' && (
          <ActionButton variant='secondary' small block={false} onClick={flow.refresh}>
            刷新支付结果
          </ActionButton>
        )}
        {actions.canCancel && flow.payment !== 'paying' && flow.payment !== 'confirming' && (
          <ActionButton variant='ghost' small block={false} disabled={flow.busy} onClick={() => void flow.cancel()}>
            取消报名
          </ActionButton>
        )}
      </View>
    </Card>
  );
}

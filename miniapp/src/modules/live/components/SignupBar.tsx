import type { LiveEventView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/ui';
import type { SignupFlow } from '../hooks/useSignup';
import { formatPrice, formatSeats } from '../services/live-format';
import type { LiveActions } from '../services/live-state';
import './LiveDetail.scss';

interface SignupBarProps {
  event: LiveEventView;
  actions: LiveActions;
  flow: SignupFlow;
  onEnterRoom(): void;
  onReplay(): void;
}

/** The bar at the bottom of an event's page: the price, and the one thing to do now. */
export function SignupBar({ event, actions, flow, onEnterRoom, onReplay }: SignupBarProps) {
  const paying = flow.payment === 'paying' || flow.payment === 'confirming';
  const primary = (() => {
    if (actions.signup === 'pending_payment' && paying) return { text: flow.payment === 'paying' ? '支付中…' : '支付确认中…', disabled: true, loading: true };
    if (actions.canSignUp) return { text: '立即报名', onClick: () => void flow.start(), loading: flow.busy };
    if (actions.canPay) return { text: '继续支付', onClick: () => void flow.start(), loading: flow.busy };
    if (actions.canEnterRoom) return { text: '进入直播间', onClick: onEnterRoom };
    if (actions.canWatchReplay) return { text: '查看回放', onClick: onReplay };
    if (actions.signup === 'confirmed') return { text: actions.phase === 'ended' ? '直播已结束' : '已报名', disabled: true };
    if (actions.full) return { text: '名额已满', disabled: true };
    if (actions.phase === 'ended') return { text: '直播已结束', disabled: true };
    return { text: '暂未开放报名', disabled: true };
  })();

  return (
    <View className='live-bar'>
      <View className='live-bar__price'>
        <Text className={`live-bar__amount ${event.priceFen > 0 ? 'live-bar__amount--paid' : ''}`}>{formatPrice(event.priceFen)}</Text>
        <Text className='live-bar__seats'>{formatSeats(event.seatsLeft, event.capacity)}</Text>
      </View>
      <View className='live-bar__action'>
        <ActionButton disabled={primary.disabled || (primary.loading ?? false)} loading={primary.loading} onClick={primary.onClick}>
          {primary.text}
        </ActionButton>
      </View>
    </View>
  );
}

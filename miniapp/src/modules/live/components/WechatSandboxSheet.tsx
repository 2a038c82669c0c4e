import { useBrand } from '@/modules/brand/hooks/useBrand';
import { companyNameOf, shortNameOf } from '@/modules/brand/services/brand.service';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { registerSandboxDialogHost, sandboxDialogStore } from '@/core/platform';
import { useStore } from '@/core/store';
import { ActionButton, BottomSheet } from '@/ui';
import './LiveDetail.scss';

/** In the server's order: the start reminder, the replay notice, the survey invitation. */
const TemplateNames = ['直播开播提醒', '直播回放通知', '直播问卷邀请'];

/**
 * The browser sandbox's stand-ins for WeChat's own sheets (subscribe messages, payment). Mounted by
 * pages that sign people up; in WeChat nothing is ever opened here.
 */
export function WechatSandboxSheet() {
  const open = useStore(sandboxDialogStore);
  const brand = useBrand();
  const shortName = shortNameOf(brand);
  useEffect(() => registerSandboxDialogHost(), []);
  if (!open) return null;

  if (open.dialog.kind === 'subscribe') {
    return (
      <BottomSheet className='wechat-sandbox wechat-sandbox--subscribe' title='允许发送直播提醒？' subtitle='沙箱模拟 · 微信订阅消息'>
        <View className='wechat-sandbox__app'>
          <View className='wechat-sandbox__logo'>
            <Text>{shortName.charAt(0) || '小'}</Text>
          </View>
          <Text className='wechat-sandbox__app-name'>{`${shortName || '小程序'} 申请向你发送以下消息`}</Text>
        </View>
        <View className='wechat-sandbox__items'>
          {TemplateNames.slice(0, open.dialog.templateCount).map((name) => (
            <View className='wechat-sandbox__item' key={name}>
              <Text>{name}</Text>
              <Text className='wechat-sandbox__tick'>✓</Text>
            </View>
          ))}
        </View>
        <Text className='wechat-sandbox__note'>每条消息仅发送一次，可在微信「设置 - 通知」中随时关闭</Text>
        <View className='wechat-sandbox__buttons'>
          <ActionButton variant='ghost' onClick={() => open.answer(false)}>
            拒绝
          </ActionButton>
          <ActionButton onClick={() => open.answer(true)}>允许</ActionButton>
        </View>
      </BottomSheet>
    );
  }

  const { amountFen, description } = open.dialog;
  return (
    <BottomSheet className='wechat-sandbox wechat-sandbox--payment' title='微信支付' subtitle='沙箱模拟，不会产生真实扣款' onClose={() => open.answer(false)}>
      <View className='wechat-sandbox__pay'>
        {description && <Text className='wechat-sandbox__pay-what'>{description}</Text>}
        <Text className='wechat-sandbox__pay-amount'>{amountFen !== null ? `¥${(amountFen / 100).toFixed(2)}` : '—'}</Text>
        <Text className='wechat-sandbox__pay-merchant'>{`收款方：${companyNameOf(brand) || '商户'}`}</Text>
      </View>
      <View className='wechat-sandbox__buttons'>
        <ActionButton variant='ghost' onClick={() => open.answer(false)}>
          取消
        </ActionButton>
        <ActionButton onClick={() => open.answer(true)}>确认支付</ActionButton>
      </View>
    </BottomSheet>
  );
}

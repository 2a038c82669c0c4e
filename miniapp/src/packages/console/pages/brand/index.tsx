import { Access } from '@leadloop/shared';
import { View } from '@tarojs/components';
import { BrandSettingsForm } from '@/modules/brand/components/BrandSettingsForm';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { WorkingCalendarCard } from '@/modules/working-calendar/components/WorkingCalendarCard';

export default function ConsoleBrandPage() {
  return (
    <ConsoleFrame title='品牌设置' subtitle='公司名称、标志、品牌色、客服电话与隐私政策，以及跟进时限使用的工作日历' roles={Access.admin}>
      {() => (
        <View className='ll-stack'>
          <BrandSettingsForm />
          <WorkingCalendarCard />
        </View>
      )}
    </ConsoleFrame>
  );
}

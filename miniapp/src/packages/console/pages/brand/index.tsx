import { Access } from '@leadloop/shared';
import { BrandSettingsForm } from '@/modules/brand/components/BrandSettingsForm';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';

export default function ConsoleBrandPage() {
  return (
    <ConsoleFrame title='品牌设置' subtitle='公司名称、标志、品牌色、客服电话与隐私政策：访客看到的一切都以此为准' roles={Access.admin}>
      {() => <BrandSettingsForm />}
    </ConsoleFrame>
  );
}

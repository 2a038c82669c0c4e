import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Routes } from '@/core/routes';
import { ActionButton, Notice } from '@/ui';
import { useBrand } from '../hooks/useBrand';

/** On the console home, until an admin names the company: what prospects see meanwhile, and the way to fix it. */
export function BrandSetupNotice() {
  const brand = useBrand();
  if (!brand || brand.configured) return null;
  return (
    <View className='ll-stack'>
      <Notice tone='warning'>还没有设置公司名称和标志：访客目前看到的是不含公司名的通用页面。</Notice>
      <ActionButton variant='secondary' block={false} onClick={() => void Taro.navigateTo({ url: Routes.consoleBrand })}>
        去设置品牌
      </ActionButton>
    </View>
  );
}

import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useBrand } from '../hooks/useBrand';

/**
 * Wraps a page a prospect sees: sets `--brand-colour` on its root, so what is drawn with the
 * variable (buttons, the brand header) takes the company's colour in WeChat as in a browser.
 */
export function BrandScope({ children }: PropsWithChildren) {
  const brand = useBrand();
  return (
    <View className='brand-scope' style={brand ? `--brand-colour: ${brand.colour};` : undefined}>
      {children}
    </View>
  );
}

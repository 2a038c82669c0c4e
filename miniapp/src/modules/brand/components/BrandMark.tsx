import { Text, View } from '@tarojs/components';
import { serverUrl } from '@/core/api/server-url';
import { hiddenProps } from '@/core/platform/a11y';
import { Picture } from '@/ui';
import { useBrand } from '../hooks/useBrand';
import { companyNameOf, shortNameOf } from '../services/brand.service';
import './Brand.scss';

/**
 * The company's logo, or the first character of its short name on a tile when there is no logo
 * (`fallback` before an admin names the company). Sized and coloured by `className`.
 */
export function BrandMark({ className = '', fallback = '首' }: { className?: string; fallback?: string }) {
  const brand = useBrand();
  const companyName = companyNameOf(brand);
  if (brand?.logoUrl) return <Picture className={`brand-mark brand-mark--logo ${className}`} src={serverUrl(brand.logoUrl)} mode='aspectFit' alt={`${companyName || '公司'}标志`} />;
  return (
    <View className={`brand-mark ${className}`} {...hiddenProps()}>
      <Text>{shortNameOf(brand).charAt(0) || fallback}</Text>
    </View>
  );
}

/** How staff pages name the company: its short name, or `fallback` before an admin names it. */
export function useBrandName(fallback = ''): string {
  return shortNameOf(useBrand()) || fallback;
}

import { Text, View } from '@tarojs/components';
import { useBrand } from '../hooks/useBrand';
import { companyNameOf, shortNameOf } from '../services/brand.service';
import { BrandMark } from './BrandMark';
import './Brand.scss';

/** The top of the home page: the company's logo and name (neutral until an admin names it). */
export function BrandHeader({ greeting }: { greeting: string | null }) {
  const brand = useBrand();
  const shortName = shortNameOf(brand);
  const companyName = companyNameOf(brand);
  return (
    <View className='brand-header'>
      <View className='brand-header__identity'>
        <BrandMark className='brand-header__mark' />
        <View className='brand-header__names'>
          <Text className='brand-header__short'>{shortName || '欢迎光临'}</Text>
          {companyName && companyName !== shortName && <Text className='brand-header__company'>{companyName}</Text>}
        </View>
      </View>
      {greeting && <Text className='brand-header__greeting'>{greeting}</Text>}
    </View>
  );
}

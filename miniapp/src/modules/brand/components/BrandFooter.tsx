import { Text, View } from '@tarojs/components';
import { platform } from '@/core/platform';
import { useBrand } from '../hooks/useBrand';
import { companyNameOf } from '../services/brand.service';
import './Brand.scss';

/** The byline at the foot of a prospect's page: who provides the service, and how to reach them. */
export function BrandFooter({ note }: { note?: string }) {
  const brand = useBrand();
  const companyName = companyNameOf(brand);
  const phone = brand?.servicePhone ?? null;
  if (!companyName && !note) return null;
  return (
    <View className='brand-footer'>
      {note && <Text className='brand-footer__note'>{note}</Text>}
      {companyName && <Text className='brand-footer__company'>{`本服务由${companyName}提供`}</Text>}
      {phone && (
        <Text className='brand-footer__phone' onClick={() => void platform.callPhone(phone)}>
          {`客服电话 ${phone}`}
        </Text>
      )}
    </View>
  );
}

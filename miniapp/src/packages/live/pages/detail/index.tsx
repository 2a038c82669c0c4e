import { useRouter } from '@tarojs/taro';
import { LiveDetail } from '@/modules/live/components/LiveDetail';
import { Page } from '@/ui';

export default function LiveDetailPage() {
  const { params } = useRouter();
  return (
    <Page>
      <LiveDetail id={params.id ?? ''} />
    </Page>
  );
}

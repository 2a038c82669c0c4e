import { useRouter } from '@tarojs/taro';
import { PolicyView } from '@/modules/privacy/components/PolicyView';
import { Page } from '@/ui';

export default function PolicyPage() {
  const { params } = useRouter();
  return (
    <Page>
      <PolicyView kind={params.kind === 'terms' ? 'terms' : 'privacy'} />
    </Page>
  );
}

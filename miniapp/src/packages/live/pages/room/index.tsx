import { useRouter } from '@tarojs/taro';
import { LiveRoomView } from '@/modules/live/components/LiveRoomView';
import { Page } from '@/ui';

export default function LiveRoomPage() {
  const { params } = useRouter();
  return (
    <Page>
      <LiveRoomView id={params.id ?? ''} />
    </Page>
  );
}

import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { LiveEventForm } from '@/modules/live/components/LiveEventForm';

export default function ConsoleLiveEditPage() {
  const { params } = useRouter();
  const id = params.id || null;
  // set once a new event is first saved (its id is then in the address too)
  const [createdId, setCreatedId] = useState<string | null>(null);
  return (
    <ConsoleFrame title={id || createdId ? '编辑直播' : '新建直播'} subtitle='填写直播信息，保存为草稿或直接发布'>
      {() => <LiveEventForm id={id} onCreated={setCreatedId} />}
    </ConsoleFrame>
  );
}

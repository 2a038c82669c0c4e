import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { StarMapView } from '@/modules/star-map/components/StarMapView';

export default function StarMapPage() {
  return (
    <ConsoleFrame title='分享星空图' subtitle='每一次转发的来龙去脉：谁发起、谁接力、带来了多少访客和转化'>
      {() => <StarMapView />}
    </ConsoleFrame>
  );
}

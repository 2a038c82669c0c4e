import { ContentTypes, type ContentType } from '@leadloop/shared';
import { useRouter } from '@tarojs/taro';
import { ConsoleFrame } from '@/modules/console/components/ConsoleFrame';
import { StarMapView } from '@/modules/star-map/components/StarMapView';

/** Opened from the console menu (the home page's map) or from a content row (`?contentType=live&contentId=…`). */
export default function StarMapPage() {
  const { params } = useRouter();
  const type = ContentTypes.find((t) => t === params.contentType) as ContentType | undefined;
  const initial = type && params.contentId ? { contentType: type, contentId: decodeURIComponent(params.contentId) } : null;
  return (
    <ConsoleFrame title='分享星空图' subtitle='每一次转发的来龙去脉：谁发起、谁接力、带来了多少访客和转化'>
      {() => <StarMapView initial={initial} />}
    </ConsoleFrame>
  );
}

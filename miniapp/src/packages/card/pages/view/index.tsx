import { CardView } from '@/modules/card/components/CardView';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { useRoutedContentId } from '@/modules/share-chain/hooks/useRoutedContentId';
import { Loading, RetryCard, SubPage } from '@/ui';

export default function CardViewPage() {
  // `?id=…`, or a poster's code carrying only the share token (`?scene=…`)
  const { id, error, retry } = useRoutedContentId('card');
  return (
    <SubPage>
      <PrivacyPopup />
      {id === '' ? <Loading /> : error && !id ? <RetryCard message='名片加载失败，请重试' onRetry={retry} /> : <CardView cardId={id} />}
    </SubPage>
  );
}

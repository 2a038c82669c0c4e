import { describeError } from '@/core/api/api-error';
import { BrandFooter } from '@/modules/brand/components/BrandFooter';
import { BrandHeader } from '@/modules/brand/components/BrandHeader';
import { BrandScope } from '@/modules/brand/components/BrandScope';
import { useBrand } from '@/modules/brand/hooks/useBrand';
import { companyNameOf } from '@/modules/brand/services/brand.service';
import { HomeBlocks } from '@/modules/home/components/HomeBlocks';
import { TrustStrip } from '@/modules/home/components/TrustStrip';
import { usePublishedHome } from '@/modules/home/hooks/usePublishedHome';
import { openHomeItem } from '@/modules/home/services/home-page.service';
import { useMe } from '@/modules/identity/hooks/useMe';
import { SharePanel } from '@/modules/share-chain/components/SharePanel';
import { useShareable } from '@/modules/share-chain/hooks/useShareable';
import { useContentView } from '@/modules/tracking/hooks/useContentView';
import { Loading, Page, RetryCard } from '@/ui';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';

const HOME = { contentType: 'page', contentId: 'home' } as const;

export default function HomePage() {
  const { me } = useMe();
  const brand = useBrand();
  const home = usePublishedHome();
  const companyName = companyNameOf(brand);
  useContentView(HOME);
  const shareable = useShareable({ ...HOME, title: companyName ? `${companyName} · 精选直播与资料` : '精选直播与资料' });
  const nickname = me?.person.nickname ?? me?.staff?.name ?? null;

  useEffect(() => {
    if (brand?.configured) void Taro.setNavigationBarTitle({ title: brand.shortName });
  }, [brand]);

  return (
    <Page>
      {/* the share panel copies a link (setClipboardData) */}
      <PrivacyPopup />
      <BrandScope>
        <BrandHeader greeting={nickname ? `${nickname}，欢迎回来` : null} />
        {home.data ? (
          <HomeBlocks blocks={home.data.blocks} cards={home.data.cards} onOpen={(type, id) => void openHomeItem(type, id)} />
        ) : home.error ? (
          <RetryCard message={describeError(home.error)} onRetry={home.reload} />
        ) : (
          <Loading />
        )}
        <SharePanel shareable={shareable} />
        <TrustStrip />
        <BrandFooter />
      </BrandScope>
    </Page>
  );
}

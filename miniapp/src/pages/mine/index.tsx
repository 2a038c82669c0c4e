import { useDidShow } from '@tarojs/taro';
import { describeError } from '@/core/api/api-error';
import { BrandFooter } from '@/modules/brand/components/BrandFooter';
import { MineMenu } from '@/modules/activity/components/MineMenu';
import { CardToolsCard } from '@/modules/card/components/CardToolsCard';
import { SignalsMenuCard } from '@/modules/signals/components/SignalsMenuCard';
import { PhoneCard } from '@/modules/identity/components/PhoneCard';
import { ProfileCard } from '@/modules/identity/components/ProfileCard';
import { SignInPanel } from '@/modules/identity/components/SignInPanel';
import { SignOutButton } from '@/modules/identity/components/SignOutButton';
import { StaffToolsCard } from '@/modules/identity/components/StaffToolsCard';
import { useMe } from '@/modules/identity/hooks/useMe';
import { useSession } from '@/modules/identity/hooks/useSession';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { Loading, Page, RetryCard } from '@/ui';

export default function MinePage() {
  const session = useSession();
  const { me, error, reload, setMe } = useMe();
  // Coming back to 我的 (e.g. after accepting an invite) shows fresh data; the first show is covered by useMe.
  useDidShow(() => {
    if (me) reload();
  });

  return (
    <Page>
      <PrivacyPopup />
      {!session ? (
        <SignInPanel />
      ) : !me ? (
        error ? <RetryCard message={describeError(error)} onRetry={reload} /> : <Loading />
      ) : (
        <>
          <ProfileCard me={me} onUpdated={setMe} />
          <PhoneCard
            phoneMasked={me.person.phoneMasked}
            onBound={(phoneMasked) => {
              setMe((prev) => prev && { ...prev, person: { ...prev.person, phoneMasked } });
              reload();
            }}
          />
          <MineMenu />
          {me.staff && <SignalsMenuCard />}
          {me.staff && <CardToolsCard />}
          {me.staff && <StaffToolsCard staff={me.staff} />}
          <SignOutButton />
        </>
      )}
      <BrandFooter />
    </Page>
  );
}

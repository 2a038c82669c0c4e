import type { WhitepaperView } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import { isApiError } from '@/core/api/api-error';
import { BrandFooter } from '@/modules/brand/components/BrandFooter';
import { useBrand } from '@/modules/brand/hooks/useBrand';
import { brandedTitle, companyNameOf } from '@/modules/brand/services/brand.service';
import { GateSheet } from '@/modules/profile-gate/components/GateSheet';
import { PosterButton } from '@/modules/posters/components/PosterButton';
import { SharePanel } from '@/modules/share-chain/components/SharePanel';
import { useShareable } from '@/modules/share-chain/hooks/useShareable';
import { useContentView } from '@/modules/tracking/hooks/useContentView';
import { ActionButton, GoneCard, Loading, Notice, RetryCard } from '@/ui';
import { useWhitepaper } from '../hooks/useWhitepaper';
import { useWhitepaperDownload } from '../hooks/useWhitepaperDownload';
import { describeWhitepaperError } from '../services/whitepaper-errors';
import { shareTitleOf } from '../services/whitepaper-format';
import { DownloadDone } from './DownloadDone';
import { WhitepaperInfo } from './WhitepaperInfo';
import './Whitepaper.scss';

function DetailBody({ paper }: { paper: WhitepaperView }) {
  const download = useWhitepaperDownload(paper.id);
  return (
    <>
      <WhitepaperInfo paper={paper} />
      {download.result && <DownloadDone link={download.result} onReopen={() => void download.reopen()} error={download.reopenError} />}
      {!download.sheet && download.error && <Notice tone='error'>{download.error}</Notice>}
      <View className='whitepaper-bar'>
        <View className='whitepaper-bar__poster'>
          <PosterButton contentType='whitepaper' contentId={paper.id} title={paper.title} variant='ghost' />
        </View>
        <View className='whitepaper-bar__action'>
          <ActionButton className='whitepaper-bar__download' loading={download.busy && !download.sheet} disabled={download.busy} onClick={() => void download.start()}>
            {download.result ? '再次下载' : '免费下载'}
          </ActionButton>
        </View>
      </View>
      {download.sheet && (
        <GateSheet
          action={download}
          className='whitepaper-gate'
          title='免费下载白皮书'
          subtitle={paper.title}
          purpose='whitepaper_download'
          submitLabel='提交并下载'
          signInDescription='登录后即可下载；已填写过的信息无需重复填写。'
          footnote='信息仅用于向你提供资料及相关服务联系，可在「我的」中随时查看和管理。'
        />
      )}
    </>
  );
}

/** A whitepaper's page: what it is, 免费下载 behind the gate, the poster, and the share with this person's token. */
export function WhitepaperDetail({ id, resolveError, onRetryResolve }: { id: string | null; resolveError: unknown; onRetryResolve(): void }) {
  const { paper, error, reload } = useWhitepaper(id || null);
  const contentId = id || 'unknown';
  const brand = useBrand();
  const companyName = companyNameOf(brand);
  useContentView({ contentType: 'whitepaper', contentId });
  const shareable = useShareable({ contentType: 'whitepaper', contentId, params: id ? { id } : {}, title: brandedTitle(shareTitleOf(paper?.title), brand), premint: !!id });

  if (resolveError && !isApiError(resolveError, 'NOT_FOUND')) return <RetryCard message={describeWhitepaperError(resolveError)} onRetry={onRetryResolve} />;
  if (id === null || isApiError(error, 'NOT_FOUND')) {
    return <GoneCard title='白皮书不存在或已下线' description='链接可能已失效，去首页看看其他内容吧。' />;
  }
  if (!paper) return error ? <RetryCard message={describeWhitepaperError(error)} onRetry={reload} /> : <Loading />;

  return (
    <View className='whitepaper-detail'>
      <DetailBody paper={paper} />
      <SharePanel shareable={shareable} title='分享给同事' />
      <BrandFooter note={companyName ? `资料由${companyName}提供，仅供学习交流使用。` : '资料仅供学习交流使用。'} />
    </View>
  );
}

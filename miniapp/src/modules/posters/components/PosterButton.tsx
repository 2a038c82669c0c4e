import type { ContentType } from '@leadloop/shared';
import { ActionButton } from '@/ui';
import { usePoster } from '../hooks/usePoster';
import { PosterSheet } from './PosterSheet';

interface PosterButtonProps {
  contentType: ContentType;
  contentId: string;
  /** The content's title (names the saved file). */
  title: string;
  label?: string;
  small?: boolean;
  block?: boolean;
  variant?: 'primary' | 'secondary' | 'ghost';
}

/**
 * 生成海报 for any shareable content: a personal poster (cover, title, the sharer's name and a
 * mini-program code carrying their share token), previewed in a sheet, saved or shared from there.
 * Drop it into a content page: `<PosterButton contentType='live' contentId={id} title={title} />`.
 */
export function PosterButton({ contentType, contentId, title, label = '生成海报', small = false, block = true, variant = 'secondary' }: PosterButtonProps) {
  const flow = usePoster({ contentType, contentId }, title);
  return (
    <>
      <ActionButton className='poster-button' variant={variant} small={small} block={block} onClick={flow.start}>
        {label}
      </ActionButton>
      {flow.open && <PosterSheet flow={flow} />}
    </>
  );
}

import { Injectable, Logger } from '@nestjs/common';
import type { ContentType } from '@leadloop/shared';

/** Titles of a content type's items by id; ids it does not know (deleted content) are left out. */
export type ContentTitleResolver = (contentIds: string[]) => Promise<Map<string, string>>;

export interface ContentRef {
  contentType: ContentType;
  contentId: string;
}

/** Pages that can be shared before any content module registers itself. */
const PageTitles: Record<string, string> = { home: '首页' };

const keyOf = (ref: ContentRef) => `${ref.contentType}|${ref.contentId}`;

/**
 * How share lists name what was shared (「2026 制造业私域增长白皮书」, not an id) without the share
 * chain depending on live events, whitepapers or cards: each content module registers a resolver
 * for its type in its `onModuleInit`, as it does for posters.
 */
@Injectable()
export class ContentTitles {
  private readonly logger = new Logger(ContentTitles.name);
  private readonly resolvers = new Map<ContentType, ContentTitleResolver>();

  constructor() {
    this.register('page', async (ids) => new Map(ids.flatMap((id) => (PageTitles[id] ? [[id, PageTitles[id]] as const] : []))));
  }

  /** One resolver per content type; a second registration is a wiring mistake and throws. */
  register(contentType: ContentType, resolve: ContentTitleResolver): void {
    if (this.resolvers.has(contentType)) throw new Error(`A content title source for ${contentType} is already registered`);
    this.resolvers.set(contentType, resolve);
  }

  /** Each item's title, or null when its content is gone (or no module names its type). */
  async titlesOf(refs: readonly ContentRef[]): Promise<(ref: ContentRef) => string | null> {
    const idsByType = new Map<ContentType, Set<string>>();
    for (const ref of refs) idsByType.set(ref.contentType, (idsByType.get(ref.contentType) ?? new Set()).add(ref.contentId));
    const titles = new Map<string, string>();
    await Promise.all(
      [...idsByType].map(async ([contentType, ids]) => {
        const resolve = this.resolvers.get(contentType);
        if (!resolve) return;
        try {
          for (const [id, title] of await resolve([...ids])) titles.set(keyOf({ contentType, contentId: id }), title);
        } catch (error) {
          // A list without some titles beats no list: those items show as removed content.
          this.logger.warn(`Content titles for ${contentType} failed: ${(error as Error).message}`);
        }
      }),
    );
    return (ref) => titles.get(keyOf(ref)) ?? null;
  }
}

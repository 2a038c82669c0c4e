import { CARD_PHONE_PATTERN, EMAIL_PATTERN, MAX_FEATURED_ITEMS, MAX_INTRO_CHARS, PageLinks, Pages, pageUrl, type CardFeaturedItem, type CardFeaturedView, type IntroStatus, type MyCard, type UpdateCardRequest } from '@leadloop/shared';
import { isApiError } from '../../../core/api/api-error';

/** The card editor as typed. */
export interface CardForm {
  name: string;
  title: string;
  company: string;
  phone: string;
  email: string;
  introduction: string;
  featured: CardFeaturedItem[];
}

export type CardField = Exclude<keyof CardForm, never>;
export type CardErrors = Partial<Record<CardField, string>>;

const EMAIL = EMAIL_PATTERN;

export function formFromCard(card: MyCard): CardForm {
  return {
    name: card.name,
    title: card.title ?? '',
    company: card.company ?? '',
    phone: card.phone ?? '',
    email: card.email ?? '',
    introduction: card.introduction.draft ?? '',
    featured: card.featured.map(({ contentType, contentId, title }) => ({ contentType, contentId, title })),
  };
}

/** 138 1234 5678 → 13812345678: people type spaces; the server takes digits (and a landline's dashes). */
export function normalisePhone(text: string): string {
  return text.replace(/[\s()（）]/g, '');
}

export type CardCheck = { ok: true; request: UpdateCardRequest } | { ok: false; errors: CardErrors };

/** The card to save, or what to fix first (the server checks everything again). */
export function checkCardForm(form: CardForm): CardCheck {
  const errors: CardErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = '请填写姓名';
  else if (name.length > 40) errors.name = '姓名不超过 40 个字';
  if (form.title.trim().length > 40) errors.title = '职位不超过 40 个字';
  if (form.company.trim().length > 80) errors.company = '公司名称不超过 80 个字';
  const phone = normalisePhone(form.phone);
  if (phone && !CARD_PHONE_PATTERN.test(phone)) errors.phone = '请填写手机号或带区号的座机，如 010-12345678';
  const email = form.email.trim();
  if (email && !EMAIL.test(email)) errors.email = '请填写正确的邮箱地址';
  const introduction = form.introduction.trim();
  if (introduction.length > MAX_INTRO_CHARS) errors.introduction = `简介不超过 ${MAX_INTRO_CHARS} 个字`;
  if (form.featured.length > MAX_FEATURED_ITEMS) errors.featured = `精选内容最多 ${MAX_FEATURED_ITEMS} 个`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: { name, title: form.title.trim() || null, company: form.company.trim() || null, phone: phone || null, email: email || null, introduction: introduction || null, featured: form.featured },
  };
}

const Sentences: Record<CardField, string> = {
  name: '请填写姓名（40 字以内）',
  title: '职位不超过 40 个字',
  company: '公司名称不超过 80 个字',
  phone: '请填写手机号或带区号的座机，如 010-12345678',
  email: '请填写正确的邮箱地址',
  introduction: `简介不超过 ${MAX_INTRO_CHARS} 个字`,
  featured: `精选内容最多 ${MAX_FEATURED_ITEMS} 个，且不能重复`,
};

/** VALIDATION_FAILED from `PUT /cards/mine`, under the fields it names. */
export function cardErrorsFrom(error: unknown): CardErrors {
  if (!isApiError(error, 'VALIDATION_FAILED')) return {};
  const issues = (error.details as { fields?: { path?: unknown }[] } | undefined)?.fields ?? [];
  const errors: CardErrors = {};
  for (const issue of issues) {
    const key = typeof issue.path === 'string' ? issue.path.split('.')[0] : '';
    if (key in Sentences) errors[key as CardField] ??= Sentences[key as CardField];
  }
  return errors;
}

export const IntroStatusLabels: Record<IntroStatus, { label: string; tone: 'success' | 'warning' | 'danger' }> = {
  approved: { label: '已通过', tone: 'success' },
  pending: { label: '审核中', tone: 'warning' },
  rejected: { label: '未通过', tone: 'danger' },
};

const key = (item: Pick<CardFeaturedItem, 'contentType' | 'contentId'>) => `${item.contentType}:${item.contentId}`;

export function isFeatured(list: readonly CardFeaturedItem[], item: Pick<CardFeaturedItem, 'contentType' | 'contentId'>): boolean {
  return list.some((f) => key(f) === key(item));
}

/** Adds or removes an item; adding beyond the limit leaves the list as it is. */
export function toggleFeatured(list: readonly CardFeaturedItem[], item: CardFeaturedItem): CardFeaturedItem[] {
  if (isFeatured(list, item)) return list.filter((f) => key(f) !== key(item));
  if (list.length >= MAX_FEATURED_ITEMS) return [...list];
  // only what the card stores: a picked candidate carries display extras the server refuses
  return [...list, { contentType: item.contentType, contentId: item.contentId, title: item.title.trim().slice(0, 40) }];
}

/**
 * The page a featured item opens, carrying the card owner's share token for it (`s=`), so whoever
 * opens it from the card arrives through the owner's chain.
 */
export function featuredUrl(item: CardFeaturedView): string {
  if (item.contentType === 'whitepaper') return `/${PageLinks.whitepaperDetail(item.contentId, item.shareToken)}`;
  if (item.contentType === 'live') return `/${PageLinks.liveDetail(item.contentId, item.shareToken)}`;
  return pageUrl(Pages.home, { s: item.shareToken });
}

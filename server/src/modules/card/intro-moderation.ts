import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../core/app-error';
import { Clock } from '../../core/clock';
import { WechatClient } from '../wechat/wechat.client';
import { CardRepository } from './card.repository';

/** msg_sec_check scene 1: a user's profile (a card introduction is one). */
const PROFILE_SCENE = 1;
/** Longer than a WeChat call with its one token retry can take. */
const LEASE_MS = 2 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 30 * 60_000;
const BATCH = 20;

/**
 * Card introductions pass WeChat's content check (msg_sec_check v2, as written by the card
 * owner's openid) before anyone else sees them. The pending state lives in the card row itself
 * (`intro_status`, `intro_check_after`), so it survives restarts: a check claims the draft by
 * moving `intro_check_after` past a lease (one instance at a time, no lock held across the
 * WeChat call), and a verdict only applies to the draft version it checked. When WeChat is busy
 * or unreachable the draft stays pending and is retried with backoff (1, 2, 4 … 30 minutes).
 */
@Injectable()
export class IntroModeration {
  private readonly logger = new Logger(IntroModeration.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cards: CardRepository,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
  ) {}

  /** Checks every draft whose (re)check is due; answers how many were looked at. */
  async checkDue(): Promise<number> {
    const due = await this.cards.dueIntroChecks(this.clock.now(), BATCH);
    for (const id of due) await this.check(id);
    return due.length;
  }

  /** Checks the card's pending draft if it is due and nobody else is checking it. */
  async check(cardId: string): Promise<void> {
    const card = await this.cards.findById(cardId);
    if (!card || card.introStatus !== 'pending' || !card.introDraft) return;
    const now = this.clock.now();
    if (!(await this.cards.claimIntroCheck(card.id, card.introVersion, now, new Date(now.getTime() + LEASE_MS)))) return;
    const attempt = card.introAttempts + 1;
    try {
      const openid = await this.cards.ownerOpenid(card.staffId, this.config.wechat.appId);
      if (!openid) throw new AppError('WECHAT_ERROR', 'The card owner has no openid for this app');
      const verdict = await this.wechat.checkText(openid, card.introDraft, PROFILE_SCENE);
      // `review` (uncertain) is not shown either: the owner is asked to rephrase
      const status = verdict.suggest === 'pass' ? 'approved' : 'rejected';
      await this.cards.settleIntro(card.id, card.introVersion, status, verdict.label);
      if (status === 'rejected') this.logger.log(`Introduction of card ${card.id} rejected by msg_sec_check (${verdict.suggest}, label ${verdict.label})`);
    } catch (error) {
      if (!(error instanceof AppError) || !error.code.startsWith('WECHAT_')) throw error;
      const retryIn = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
      await this.cards.deferIntroCheck(card.id, card.introVersion, new Date(this.clock.nowMs() + retryIn));
      this.logger.warn(`Introduction of card ${card.id} stays pending (${error.code}); attempt ${attempt}, next in ${Math.round(retryIn / 1000)} s`);
    }
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { type BindPhoneResponse, type EntryContext, maskPhone, type MeResponse, type SessionResponse, type UpdateProfileRequest } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../core/app-error';
import type { AuthContext } from '../../core/route';
import { retryOnConflict } from '../../database/retry';
import { WechatClient, type WechatSession } from '../wechat/wechat.client';
import { WechatApiError, WechatErrcode } from '../wechat/wechat.errors';
import { LoginHooks } from './login-hooks';
import { type IdentifierKey, PersonRepository } from './person.repository';
import { PiiVault } from './pii-vault';
import { ProfileUpdates } from './profile-updates';
import { SessionService, toSummary } from './session.service';
import { STAFF_DIRECTORY, type StaffDirectory } from './staff-directory';

@Injectable()
export class IdentityService {
  private readonly logger = new Logger(IdentityService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly persons: PersonRepository,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    private readonly wechat: WechatClient,
    private readonly vault: PiiVault,
    private readonly sessions: SessionService,
    private readonly loginHooks: LoginHooks,
    private readonly profileUpdates: ProfileUpdates,
  ) {}

  /** wx.login code → the one person behind this WeChat user (created on first sight) → session. */
  async login(code: string, entry?: EntryContext): Promise<SessionResponse> {
    const wx = await this.wechat.code2Session(code);
    const personId = await this.resolvePerson(wx);
    await this.loginHooks.run(personId, entry);
    return this.sessions.issue(personId);
  }

  async me(auth: AuthContext): Promise<MeResponse> {
    const person = await this.persons.findById(auth.personId);
    if (!person) throw new AppError('SESSION_INVALID', 'This session’s person no longer exists');
    return {
      person: {
        id: person.id,
        nickname: person.nickname,
        phoneMasked: person.phoneMasked,
        name: person.name,
        company: person.company,
        title: person.title,
        email: person.email,
        createdAt: person.createdAt.toISOString(),
      },
      staff: auth.staff ? toSummary(auth.staff) : null,
    };
  }

  async updateProfile(auth: AuthContext, changes: UpdateProfileRequest): Promise<MeResponse> {
    const { nickname, ...profile } = changes;
    await this.dataSource.transaction(async (em) => {
      if (nickname !== undefined) await this.persons.updateProfile(auth.personId, { nickname }, em);
      await this.profileUpdates.write(em, auth.personId, profile, { page: 'me' });
    });
    return this.me(auth);
  }

  /**
   * Binds the phone behind a getPhoneNumber code. If another person record already holds this
   * phone, it is the same human: this record is merged into that one (logged, reversible).
   */
  async bindPhone(auth: AuthContext, code: string): Promise<BindPhoneResponse> {
    const { phone, purePhoneNumber } = await this.wechat.getPhoneNumber(code).catch((error: unknown) => {
      if (error instanceof WechatApiError && error.errcode === WechatErrcode.INVALID_CODE) {
        throw new AppError('PHONE_CODE_INVALID', 'The phone authorisation code is invalid or used');
      }
      throw error;
    });
    const key: IdentifierKey = { kind: 'phone', appId: '', value: this.vault.lookupHash(phone) };
    const masked = maskPhone(purePhoneNumber);
    const survivor = await retryOnConflict(() =>
      this.dataSource.transaction(async (em) => {
        const owner = await this.persons.findPersonIdBy(key, em);
        if (owner === null) await this.persons.addIdentifiers(em, auth.personId, [key]);
        if (owner === null || owner === auth.personId) {
          await this.persons.updateProfile(auth.personId, { phoneEnc: this.vault.encrypt(phone), phoneMasked: masked }, em);
          return auth.personId;
        }
        await this.staff.moveBinding(em, auth.personId, owner);
        await this.persons.merge(em, owner, auth.personId, 'phone');
        return owner;
      }),
    );
    if (survivor === auth.personId) return { phoneMasked: masked, mergedFrom: null, session: null };
    this.logger.log(`Merged person ${auth.personId} into ${survivor} (matched by phone)`);
    return { phoneMasked: masked, mergedFrom: auth.personId, session: await this.sessions.issue(survivor) };
  }

  /** Finds the person by openid, then unionid; creates them once, whatever the concurrency. */
  private resolvePerson(wx: WechatSession): Promise<string> {
    const openid: IdentifierKey = { kind: 'openid', appId: this.config.wechat.appId, value: wx.openid };
    const unionid: IdentifierKey | null = wx.unionid ? { kind: 'unionid', appId: '', value: wx.unionid } : null;
    return retryOnConflict(async () => {
      const byOpenid = await this.persons.findPersonIdBy(openid);
      if (byOpenid) return byOpenid;
      const byUnionid = unionid ? await this.persons.findPersonIdBy(unionid) : null;
      return this.dataSource.transaction(async (em) => {
        if (byUnionid) {
          await this.persons.addIdentifiers(em, byUnionid, [openid]);
          return byUnionid;
        }
        return this.persons.createWithIdentifiers(em, unionid ? [openid, unionid] : [openid]);
      });
    });
  }
}

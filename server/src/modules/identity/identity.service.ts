import { Inject, Injectable } from '@nestjs/common';
import { type BindPhoneResponse, type EntryContext, maskPhone, type MeResponse, type SessionResponse, type UpdateProfileRequest } from '@leadloop/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../core/app-error';
import type { AuthContext } from '../../core/route';
import { retryOnConflict } from '../../database/retry';
import { WechatClient, type WechatSession } from '../wechat/wechat.client';
import { WechatApiError, WechatErrcode } from '../wechat/wechat.errors';
import { EmailIdentity } from './email-identity';
import { LoginHooks } from './login-hooks';
import { PersonMerges } from './person-merges.service';
import { type IdentifierKey, PersonRepository } from './person.repository';
import { PiiVault } from './pii-vault';
import { SessionService, toSummary } from './session.service';

@Injectable()
export class IdentityService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly persons: PersonRepository,
    private readonly wechat: WechatClient,
    private readonly vault: PiiVault,
    private readonly sessions: SessionService,
    private readonly loginHooks: LoginHooks,
    private readonly merges: PersonMerges,
    private readonly emails: EmailIdentity,
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

  /** A changed email is bound as an identifier in the same transaction (and may merge this record into its holder). */
  async updateProfile(auth: AuthContext, changes: UpdateProfileRequest): Promise<MeResponse> {
    const personId = await this.merges.recordingConflicts(() =>
      retryOnConflict(() =>
        this.dataSource.transaction(async (em) => {
          await this.persons.updateProfile(auth.personId, changes, em);
          return changes.email ? (await this.emails.bind(em, auth.personId, changes.email, 'refuse')).personId : auth.personId;
        }),
      ),
    );
    return this.me({ ...auth, personId });
  }

  /**
   * Binds the phone behind a getPhoneNumber code. If another person record already holds this
   * phone, it is the same human: this record is merged into that one (journaled, reversible).
   * A phone of a staff member's person (or a staff member binding a prospect's) is refused.
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
    const binding = await this.merges.recordingConflicts(() =>
      retryOnConflict(() =>
        this.dataSource.transaction(async (em) => {
          const bound = await this.merges.bind(em, auth.personId, key, 'phone', 'refuse');
          if (bound.personId === auth.personId) await this.persons.updateProfile(auth.personId, { phoneEnc: this.vault.encrypt(phone), phoneMasked: masked }, em);
          return bound;
        }),
      ),
    );
    if (binding.personId === auth.personId) return { phoneMasked: masked, mergedFrom: null, session: null };
    return { phoneMasked: masked, mergedFrom: auth.personId, session: await this.sessions.issue(binding.personId) };
  }

  /**
   * A CRM's external id for a person (the CRM-sync calls this; admins may too). When another
   * record already carries it, the two merge (matched on `crm`); staff persons are refused.
   */
  async attachCrmId(personId: string, system: string, externalId: string): Promise<{ mergeId: string | null }> {
    const current = await this.persons.currentId(personId);
    if (current === null) throw new AppError('PERSON_NOT_FOUND', 'No such person');
    const key: IdentifierKey = { kind: 'crm', appId: system, value: externalId };
    const binding = await this.merges.recordingConflicts(() =>
      retryOnConflict(() => this.dataSource.transaction((em) => this.merges.bind(em, current, key, 'crm', 'refuse'))),
    );
    return { mergeId: binding.mergeId };
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

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  type BrandSettings,
  DEFAULT_BRAND_COLOUR,
  type PolicyDocument,
  type PolicyDocumentKind,
  PolicyDocumentKinds,
  type PublicBrand,
  type UpdateBrandRequest,
} from '@leadloop/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../core/clock';
import { imageTypeOf } from '../../core/image-type';
import type { AuthContext } from '../../core/route';
import { FILE_STORAGE, type FileStorage, newFileKey, readSmallFile } from '../storage/file-storage';
import type { ServedFile } from '../storage/served-file';
import { Readable } from 'node:stream';
import { DEFAULT_PRIVACY_POLICY, DEFAULT_USER_AGREEMENT } from './brand.defaults';
import type { BrandSettingsEntity } from './brand.entity';
import { logoMissing, logoNotFound, logoTypeUnsupported, policyKindUnknown } from './brand.errors';
import { BRAND_ROW, BrandRepository } from './brand.repository';

const LOGO_NAMESPACE = 'brand-logos';
/** Other instances pick up a save within this long (the saving instance at once). */
const REFRESH_MS = 30_000;

/** What the company looks like to people, as the rest of the server reads it (never null). */
export interface Brand {
  configured: boolean;
  /** '' until an admin names the company. */
  companyName: string;
  shortName: string;
  colour: string;
  logoId: string | null;
  version: number;
}

/**
 * 品牌设置: the company the mini-program speaks for. The row is read at start-up and kept in
 * memory (re-read every 30 s and after each save), so the privacy-policy version that consents
 * are recorded under — and that posters, share titles and pages show — is a synchronous read.
 */
@Injectable()
export class BrandService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BrandService.name);
  private row: BrandSettingsEntity | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: BrandRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    // a database not migrated yet (MIGRATE_ON_BOOT off) starts with the defaults; the next read catches up
    await this.refresh().catch((error: Error) => this.logger.warn(`Brand settings not read at start-up: ${error.message}`));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh().catch((error: Error) => this.logger.warn(`Brand settings not re-read: ${error.message}`)), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    this.row = await this.repository.find();
  }

  /** The privacy-policy version consents are given under: the brand's, or the configured default until an admin sets one. */
  get privacyPolicyVersion(): string {
    return this.row?.privacyPolicyVersion ?? this.config.privacyPolicyVersion;
  }

  get current(): Brand {
    const r = this.row;
    return {
      configured: (r?.companyName ?? '') !== '',
      companyName: r?.companyName ?? '',
      shortName: r?.shortName ?? '',
      colour: r?.colour ?? DEFAULT_BRAND_COLOUR,
      logoId: r?.logoId ?? null,
      version: r?.version ?? 0,
    };
  }

  /** What every prospect page reads (fresh from the database, so it is also how instances catch up). */
  async publicView(): Promise<PublicBrand> {
    await this.refresh();
    return this.publicOf();
  }

  async settings(): Promise<BrandSettings> {
    await this.refresh();
    return this.settingsOf();
  }

  async update(auth: AuthContext, input: UpdateBrandRequest): Promise<BrandSettings> {
    const now = this.clock.now();
    await this.repository.ensure(this.initialRow(input, auth, now));
    await this.repository.update({
      companyName: input.companyName,
      shortName: input.shortName,
      colour: input.colour,
      servicePhone: input.servicePhone,
      privacyPolicyText: input.privacyPolicy.text,
      privacyPolicyVersion: input.privacyPolicy.version,
      userAgreementText: input.userAgreement.text,
      userAgreementVersion: input.userAgreement.version,
      updatedBy: auth.staff?.id ?? null,
      updatedAt: now,
    });
    const before = this.privacyPolicyVersion;
    await this.refresh();
    if (before !== this.privacyPolicyVersion) this.logger.log(`Privacy policy now at version ${this.privacyPolicyVersion}: consents are asked again`);
    return this.settingsOf();
  }

  /** A PNG or JPEG (checked by its bytes) replaces the logo; the old file is removed once the row points at the new one. */
  async uploadLogo(auth: AuthContext, bytes: Buffer | undefined): Promise<BrandSettings> {
    if (!bytes || bytes.length === 0) throw logoMissing();
    if (!imageTypeOf(bytes)) throw logoTypeUnsupported();
    const now = this.clock.now();
    const key = newFileKey(LOGO_NAMESPACE);
    const id = key.slice(LOGO_NAMESPACE.length + 1);
    await this.storage.put(key, bytes);
    await this.refresh();
    const previous = this.row?.logoId ?? null;
    await this.repository.ensure({ ...this.initialRow(null, auth, now), logoId: id });
    await this.repository.update({ logoId: id, updatedBy: auth.staff?.id ?? null, updatedAt: now });
    await this.refresh();
    if (previous && previous !== id) {
      await this.storage.delete(`${LOGO_NAMESPACE}/${previous}`).catch((error: Error) => this.logger.warn(`Old logo not removed: ${error.message}`));
    }
    return this.settingsOf();
  }

  async logo(id: string): Promise<ServedFile> {
    const bytes = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? await readSmallFile(this.storage, `${LOGO_NAMESPACE}/${id}`) : null;
    const type = bytes ? imageTypeOf(bytes) : null;
    if (!bytes || !type) throw logoNotFound();
    return { stream: Readable.from([bytes]), type, size: bytes.length, cacheControl: 'public, max-age=31536000, immutable' };
  }

  /** The logo's bytes (posters), or null. */
  logoBytes(): Promise<Buffer | null> {
    const id = this.row?.logoId;
    return id ? readSmallFile(this.storage, `${LOGO_NAMESPACE}/${id}`) : Promise.resolve(null);
  }

  async policy(kind: string): Promise<PolicyDocument> {
    if (!(PolicyDocumentKinds as readonly string[]).includes(kind)) throw policyKindUnknown();
    await this.refresh();
    const r = this.row;
    const privacy = kind === ('privacy-policy' satisfies PolicyDocumentKind);
    return {
      kind: kind as PolicyDocumentKind,
      title: privacy ? '隐私政策' : '用户协议',
      companyName: r?.companyName ?? '',
      version: privacy ? this.privacyPolicyVersion : (r?.userAgreementVersion ?? this.config.privacyPolicyVersion),
      text: (privacy ? r?.privacyPolicyText : r?.userAgreementText) ?? (privacy ? DEFAULT_PRIVACY_POLICY : DEFAULT_USER_AGREEMENT),
      updatedAt: r?.updatedAt.toISOString() ?? null,
    };
  }

  private publicOf(): PublicBrand {
    const b = this.current;
    return {
      configured: b.configured,
      companyName: b.companyName,
      shortName: b.shortName,
      colour: b.colour,
      logoUrl: b.logoId ? `/api/brand/logo/${b.logoId}` : null,
      servicePhone: this.row?.servicePhone ?? null,
      privacyPolicyVersion: this.privacyPolicyVersion,
      userAgreementVersion: this.row?.userAgreementVersion ?? this.config.privacyPolicyVersion,
      version: b.version,
    };
  }

  private settingsOf(): BrandSettings {
    const r = this.row;
    return {
      ...this.publicOf(),
      privacyPolicy: { text: r?.privacyPolicyText ?? DEFAULT_PRIVACY_POLICY, version: this.privacyPolicyVersion },
      userAgreement: { text: r?.userAgreementText ?? DEFAULT_USER_AGREEMENT, version: r?.userAgreementVersion ?? this.config.privacyPolicyVersion },
      updatedAt: r?.updatedAt.toISOString() ?? null,
    };
  }

  /** The row a first save (or a logo before any save) creates; `update` then writes the values. */
  private initialRow(input: UpdateBrandRequest | null, auth: AuthContext, now: Date): BrandSettingsEntity {
    return {
      id: BRAND_ROW,
      companyName: input?.companyName ?? '',
      shortName: input?.shortName ?? '',
      colour: input?.colour ?? DEFAULT_BRAND_COLOUR,
      servicePhone: null,
      logoId: null,
      privacyPolicyText: DEFAULT_PRIVACY_POLICY,
      privacyPolicyVersion: this.config.privacyPolicyVersion,
      userAgreementText: DEFAULT_USER_AGREEMENT,
      userAgreementVersion: this.config.privacyPolicyVersion,
      version: 0,
      updatedBy: auth.staff?.id ?? null,
      updatedAt: now,
    };
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProfileField, WhitepaperStatus } from '@leadloop/shared';
import { jsonValue } from '../../database/columns';

@Entity('whitepapers')
export class WhitepaperEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ type: 'varchar', length: 80 }) title!: string;
  @Column({ type: 'varchar', length: 500 }) summary!: string;
  @Column({ type: 'varchar', length: 400, transformer: jsonValue }) tags!: string[];
  @Column({ name: 'required_fields', type: 'varchar', length: 80, transformer: jsonValue }) requiredFields!: ProfileField[];
  @Column({ type: 'varchar', length: 16 }) status!: WhitepaperStatus;
  @Column({ type: 'int' }) version!: number;
  /** Storage key of the PDF (server-made); the uploaded name is kept, sanitised, for display only. */
  @Column({ name: 'file_key', type: 'varchar', length: 64 }) fileKey!: string;
  @Column({ name: 'file_name', type: 'varchar', length: 160 }) fileName!: string;
  @Column({ name: 'file_size', type: 'int' }) fileSize!: number;
  @Column({ name: 'file_sha256', type: 'varchar', length: 64 }) fileSha256!: string;
  @Column({ name: 'cover_key', type: 'varchar', length: 64, nullable: true }) coverKey!: string | null;
  @Column({ name: 'cover_type', type: 'varchar', length: 16, nullable: true }) coverType!: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 26, nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
}

/** One per (person, request id): a retried tap is the same download. */
@Entity('whitepaper_downloads')
export class WhitepaperDownloadEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'whitepaper_id', type: 'varchar', length: 26 }) whitepaperId!: string;
  /** Null once the person erased their data: the download still counts, but is no one's. */
  @Column({ name: 'person_id', type: 'varchar', length: 26, nullable: true }) personId!: string | null;
  @Column({ name: 'request_id', type: 'varchar', length: 64 }) requestId!: string;
  @Column({ name: 'share_token', type: 'varchar', length: 64, nullable: true }) shareToken!: string | null;
  @Column({ name: 'channel_code', type: 'varchar', length: 64, nullable: true }) channelCode!: string | null;
  @Column({ type: 'varchar', length: 128 }) page!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const whitepaperEntities = [WhitepaperEntity, WhitepaperDownloadEntity];

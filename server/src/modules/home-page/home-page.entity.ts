import type { HomeBlock } from '@leadloop/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonValue } from '../../database/columns';

/** The one draft ('home') marketers edit; prospects never see it. */
@Entity('home_page_drafts')
export class HomePageDraftEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id!: string;
  @Column({ type: 'text', transformer: jsonValue }) blocks!: HomeBlock[];
  @Column({ name: 'updated_by', type: 'varchar', length: 26, nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/** Every published version; prospects see the highest. The version is the key, so two publishes never share one. */
@Entity('home_page_versions')
export class HomePageVersionEntity {
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'text', transformer: jsonValue }) blocks!: HomeBlock[];
  @Column({ name: 'published_by', type: 'varchar', length: 26, nullable: true }) publishedBy!: string | null;
  @Column({ name: 'published_at', type: 'datetime', precision: 3 }) publishedAt!: Date;
}

/** 请联系我 from the home page; one per (person, request id), so a retried tap is the same request. */
@Entity('home_contact_requests')
export class HomeContactRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id!: string;
  @Column({ name: 'person_id', type: 'varchar', length: 26, nullable: true }) personId!: string | null;
  @Column({ name: 'request_id', type: 'varchar', length: 64 }) requestId!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @Column({ name: 'share_token', type: 'varchar', length: 64, nullable: true }) shareToken!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const homePageEntities = [HomePageDraftEntity, HomePageVersionEntity, HomeContactRequestEntity];

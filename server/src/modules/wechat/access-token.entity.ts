import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one access token per app that every server instance shares. */
@Entity('wechat_access_tokens')
export class AccessTokenEntity {
  @PrimaryColumn({ name: 'app_id', type: 'varchar', length: 32 }) appId!: string;
  @Column({ name: 'access_token', type: 'varchar', length: 512 }) accessToken!: string;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

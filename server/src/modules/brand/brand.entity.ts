import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one row ('brand') describing the company the mini-program speaks for. */
@Entity('brand_settings')
export class BrandSettingsEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id!: string;
  @Column({ name: 'company_name', type: 'varchar', length: 60 }) companyName!: string;
  @Column({ name: 'short_name', type: 'varchar', length: 12 }) shortName!: string;
  @Column({ type: 'varchar', length: 7 }) colour!: string;
  @Column({ name: 'service_phone', type: 'varchar', length: 20, nullable: true }) servicePhone!: string | null;
  @Column({ name: 'logo_id', type: 'varchar', length: 26, nullable: true }) logoId!: string | null;
  @Column({ name: 'privacy_policy_text', type: 'text' }) privacyPolicyText!: string;
  @Column({ name: 'privacy_policy_version', type: 'varchar', length: 32 }) privacyPolicyVersion!: string;
  @Column({ name: 'user_agreement_text', type: 'text' }) userAgreementText!: string;
  @Column({ name: 'user_agreement_version', type: 'varchar', length: 32 }) userAgreementVersion!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'updated_by', type: 'varchar', length: 26, nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

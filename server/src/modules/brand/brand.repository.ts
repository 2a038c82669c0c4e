import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../database/data-source';
import { BrandSettingsEntity } from './brand.entity';

export const BRAND_ROW = 'brand';

type BrandChanges = Partial<Omit<BrandSettingsEntity, 'id' | 'version'>>;

@Injectable()
export class BrandRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(): Promise<BrandSettingsEntity | null> {
    return this.dataSource.manager.findOneBy(BrandSettingsEntity, { id: BRAND_ROW });
  }

  /** Creates the row from `initial` unless it exists (a concurrent creator wins harmlessly). */
  async ensure(initial: BrandSettingsEntity): Promise<void> {
    if (await this.find()) return;
    try {
      await this.dataSource.manager.insert(BrandSettingsEntity, initial);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** Applies the changes and bumps the version in one statement, so concurrent saves each count. */
  async update(changes: BrandChanges): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(BrandSettingsEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id: BRAND_ROW })
      .execute();
  }
}

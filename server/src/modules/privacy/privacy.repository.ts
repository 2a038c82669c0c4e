import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '../../database/ids';
import { PersonErasureEntity } from './privacy.entity';

/** Privacy's own table: the record of each erasure (per-feature data goes through contributors). */
@Injectable()
export class PrivacyRepository {
  async recordErasure(em: EntityManager, personId: string, at: Date): Promise<string> {
    const id = newId(at.getTime());
    await em.insert(PersonErasureEntity, { id, personId, erasedAt: at, propagatedAt: null });
    return id;
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonDataContributor } from '../privacy/person-data';
import { WhitepaperRepository } from './whitepaper.repository';

/** A person's whitepaper downloads in their data export; on erasure the downloads are detached from them. */
@Injectable()
export class DownloadsPersonData implements PersonDataContributor {
  readonly section = 'whitepaperDownloads';

  constructor(private readonly whitepapers: WhitepaperRepository) {}

  async export(personId: string): Promise<unknown> {
    return (await this.whitepapers.downloadsOf(personId)).map((d) => ({
      whitepaperId: d.whitepaperId,
      title: d.title,
      at: d.createdAt.toISOString(),
      page: d.page,
      shareToken: d.shareToken,
      channelCode: d.channelCode,
    }));
  }

  erase(em: EntityManager, personId: string): Promise<void> {
    return this.whitepapers.detachDownloadsFrom(em, personId);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonDataContributor } from '../privacy/person-data';
import { HomePageRepository } from './home-page.repository';

/** 请联系我 requests sent from the home page, in the data export; erasure removes them. */
@Injectable()
export class HomePagePersonData implements PersonDataContributor {
  readonly section = 'homeContactRequests';

  constructor(private readonly repository: HomePageRepository) {}

  async export(personId: string): Promise<unknown> {
    return (await this.repository.contactRequestsOf(personId)).map((r) => ({ note: r.note, at: r.createdAt.toISOString() }));
  }

  erase(em: EntityManager, personId: string): Promise<void> {
    return this.repository.eraseContactRequests(em, personId);
  }
}

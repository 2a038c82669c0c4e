import { Body, Controller, Param, Req } from '@nestjs/common';
import { Api, type CreateChannelRequest, type MintShareRequest, type PageQuery, type StarMapQuery } from '@leadloop/shared';
import { Call, Direct, type DirectCall } from '../../core/direct-routes';
import { Auth, type AuthContext, Route, ValidQuery } from '../../core/route';
import { EventsService } from './events.service';
import { ShareChainService } from './share-chain.service';
import { StarMapService } from './star-map.service';

@Controller()
export class ShareChainController {
  constructor(
    private readonly shares: ShareChainService,
    private readonly events: EventsService,
    private readonly starMap: StarMapService,
  ) {}

  /** The hottest route: also served ahead of Nest by `startApp` (core/direct-routes). */
  @Direct()
  @Route(Api.ingestEvents)
  ingest(@Call() { auth, headers, body }: DirectCall<typeof Api.ingestEvents>) {
    const prefetch = /prefetch/i.test(`${headers.purpose ?? ''} ${headers['sec-purpose'] ?? ''}`);
    return this.events.ingest({ personId: auth?.personId ?? null, userAgent: headers['user-agent'], prefetch }, body.events);
  }

  @Route(Api.shareTokenContent)
  content(@Param('token') token: string) {
    return this.shares.contentOf(token);
  }

  @Route(Api.mintShare)
  mint(@Auth() auth: AuthContext, @Body() body: MintShareRequest) {
    return this.shares.mint(auth, body);
  }

  @Route(Api.starMap)
  map(@ValidQuery() query: StarMapQuery) {
    return this.starMap.build(query);
  }

  @Route(Api.sharedContents)
  sharedContents(@ValidQuery() query: PageQuery) {
    return this.shares.sharedContents(query);
  }

  @Route(Api.myShares)
  mine(@Auth() auth: AuthContext, @ValidQuery() query: PageQuery) {
    return this.shares.myShares(auth, query);
  }

  @Route(Api.createChannel)
  createChannel(@Auth() auth: AuthContext, @Body() body: CreateChannelRequest) {
    return this.shares.createChannel(auth, body);
  }

  @Route(Api.listChannels)
  listChannels(@ValidQuery() query: PageQuery) {
    return this.shares.listChannels(query);
  }
}

import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { Api, type CreatePosterRequest } from '@leadloop/shared';
import type { Request, Response } from 'express';
import { Auth, type AuthContext, Route } from '../../core/route';
import { PostersService } from './posters.service';

@Controller()
export class PostersController {
  constructor(private readonly posters: PostersService) {}

  @Route(Api.createPoster)
  create(@Auth() auth: AuthContext, @Body() body: CreatePosterRequest) {
    return this.posters.create(auth, body);
  }

  @Route(Api.posterImage)
  async image(@Param('key') key: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendImmutablePng(req, res, key, await this.posters.image(key));
  }
}

/** A key names one image forever: the key is the ETag, and any cache may keep it for a year. */
function sendImmutablePng(req: Request, res: Response, key: string, png: Buffer): void {
  const etag = `"${key}"`;
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('ETag', etag);
  if (matches(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).setHeader('Content-Type', 'image/png');
  res.setHeader('Content-Length', String(png.length));
  res.end(req.method === 'HEAD' ? undefined : png);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

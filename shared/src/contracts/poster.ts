import { z } from 'zod';
import { MintShareRequest } from './share-chain';

/** A poster's file name: the sha256 (lowercase hex) of what was drawn on it. */
export const PosterKeySchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a poster key');

/** Same as minting a share token: the poster carries the caller's token for this content. */
export const CreatePosterRequest = MintShareRequest;
export type CreatePosterRequest = z.infer<typeof CreatePosterRequest>;

export const PosterResponse = z.object({
  /** `/api/posters/{key}.png`: public, immutable; a changed content or sharer gives a new url. */
  url: z.string(),
  /** The share token the poster's mini-program code carries (its `scene`). */
  token: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** The poster already existed; nothing was rendered for this request. */
  cached: z.boolean(),
});
export type PosterResponse = z.infer<typeof PosterResponse>;

/** The PNG itself (not JSON). */
export const PosterImageBytes = z.unknown();

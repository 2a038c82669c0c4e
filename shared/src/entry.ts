/**
 * How a person arrived in the mini-program: share token `s`, channel code `c`,
 * or a mini-program code whose `scene` carries them, plus WeChat's launch scene value.
 */
export interface EntryParams {
  shareToken: string | null;
  channelCode: string | null;
  launchScene: number | null;
  /** Moments single-page mode: no login is possible here. */
  singlePage: boolean;
}

/** Characters WeChat allows in a mini-program code `scene` (at most 32 of them). */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const TOKEN_PATTERN = /^[0-9A-Za-z_-]{1,32}$/;

export const LaunchScenes = {
  singleChat: 1007,
  groupChat: 1008,
  qrScan: 1047,
  qrLongPress: 1048,
  qrAlbum: 1049,
  momentsSinglePage: 1154,
  momentsOpenApp: 1155,
} as const;

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function token(value: unknown): string | null {
  return typeof value === 'string' && TOKEN_PATTERN.test(value) ? value : null;
}

/**
 * `scene` from a mini-program code is URL-encoded; ours is either a bare share token
 * or `s=<token>&c=<channel>`.
 */
export function parseScene(raw: string): { shareToken: string | null; channelCode: string | null } {
  const decoded = safeDecode(raw);
  if (decoded === null || !SCENE_PATTERN.test(decoded)) return { shareToken: null, channelCode: null };
  if (!decoded.includes('=')) return { shareToken: token(decoded), channelCode: null };
  const pairs = new Map<string, string>();
  for (const part of decoded.split('&')) {
    const [key, value = ''] = part.split('=', 2);
    pairs.set(key, value);
  }
  return { shareToken: token(pairs.get('s')), channelCode: token(pairs.get('c')) };
}

export function parseEntry(query: Record<string, unknown> | undefined, launchScene?: unknown): EntryParams {
  const q = query ?? {};
  const fromScene = typeof q.scene === 'string' ? parseScene(q.scene) : { shareToken: null, channelCode: null };
  const sceneNumber = Number(launchScene);
  const scene = Number.isInteger(sceneNumber) && sceneNumber > 0 ? sceneNumber : null;
  return {
    shareToken: token(typeof q.s === 'string' ? safeDecode(q.s) : null) ?? fromScene.shareToken,
    channelCode: token(typeof q.c === 'string' ? safeDecode(q.c) : null) ?? fromScene.channelCode,
    launchScene: scene,
    singlePage: scene === LaunchScenes.momentsSinglePage,
  };
}

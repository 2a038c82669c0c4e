import { parseEntry, parseScene } from './entry';

describe('parseEntry', () => {
  it('reads the share token and channel from the query, and the launch scene', () => {
    expect(parseEntry({ s: 'Tk_abc-123', c: 'expo2026' }, 1007)).toEqual({ shareToken: 'Tk_abc-123', channelCode: 'expo2026', launchScene: 1007, singlePage: false });
  });

  it('decodes a mini-program code scene, bare token or s=&c= pairs', () => {
    expect(parseEntry({ scene: 'Tk123' }, '1047').shareToken).toBe('Tk123');
    expect(parseEntry({ scene: encodeURIComponent('s=Tk9&c=menu') }, 1048)).toMatchObject({ shareToken: 'Tk9', channelCode: 'menu' });
  });

  it('prefers explicit query parameters over the scene', () => {
    expect(parseEntry({ s: 'FromQuery', scene: 'FromScene' }).shareToken).toBe('FromQuery');
  });

  it('marks Moments single-page mode (1154) so no login is attempted', () => {
    expect(parseEntry({ s: 'Tk' }, 1154).singlePage).toBe(true);
    expect(parseEntry({ s: 'Tk' }, 1155).singlePage).toBe(false);
  });

  it('drops hostile or malformed values instead of passing them on', () => {
    expect(parseEntry({ s: '<script>', c: 'a b', scene: '%E0%A4%A' }, 'abc')).toEqual({ shareToken: null, channelCode: null, launchScene: null, singlePage: false });
    expect(parseScene('x'.repeat(33))).toEqual({ shareToken: null, channelCode: null });
    expect(parseEntry(undefined)).toMatchObject({ shareToken: null, channelCode: null });
    expect(parseEntry({ s: ['a', 'b'] as unknown as string }).shareToken).toBeNull();
  });
});

import { AppLogger, redact } from './logger';

describe('redact', () => {
  it('removes phone numbers from text', () => {
    expect(redact('call 13812341234 or +8613900001111 now')).toBe('call [phone] or [phone] now');
  });

  it('hides values under secret-looking keys, however deep', () => {
    expect(redact({ user: { openid: 'oAbc', session_key: 'k', name: '王' }, access_token: 't', list: [{ phone: '1' }] })).toEqual({
      user: { openid: '[redacted]', session_key: '[redacted]', name: '王' },
      access_token: '[redacted]',
      list: [{ phone: '[redacted]' }],
    });
  });

  it('leaves ordinary values alone', () => {
    expect(redact({ count: 3, id: '01ABC', ok: true })).toEqual({ count: 3, id: '01ABC', ok: true });
  });
});

describe('AppLogger', () => {
  function printed(level: 'log' | 'debug', write: (logger: AppLogger) => void): string {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      write(new AppLogger('json', level));
    } finally {
      spy.mockRestore();
    }
    return lines.join('');
  }

  it("keeps Nest's route map and module loading for debug", () => {
    const boot = (logger: AppLogger) => {
      logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
      logger.log('IdentityModule dependencies initialized', 'InstanceLoader');
      logger.log('已启动 http://localhost:3000/', 'LeadLoop');
    };
    const quiet = printed('log', boot);
    expect(quiet).toContain('已启动');
    expect(quiet).not.toContain('Mapped');
    expect(quiet).not.toContain('dependencies initialized');
    const verbose = printed('debug', boot);
    expect(verbose).toContain('"level":"debug","context":"RouterExplorer"');
    expect(verbose).toContain('Mapped {/api/health, GET} route');
  });
});

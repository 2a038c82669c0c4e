import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../core/api/api-error';
import { requestIds } from './request-ids';

describe('requestIds', () => {
  const counter = () => {
    let n = 0;
    return () => `req-${++n}`;
  };

  it('gives each tap its own id once the last one settled', () => {
    const ids = requestIds(counter());
    expect(ids.next()).toBe('req-1');
    ids.settle();
    expect(ids.next()).toBe('req-2');
    ids.settle(new ApiError('CONSENT_REQUIRED', 'x'));
    expect(ids.next()).toBe('req-3');
  });

  it('resends the same id after a failure whose outcome is unknown', () => {
    const ids = requestIds(counter());
    expect(ids.next()).toBe('req-1');
    ids.settle(new ApiError('NETWORK_ERROR', 'x'));
    expect(ids.next()).toBe('req-1');
    ids.settle(new ApiError('INTERNAL', 'x'));
    expect(ids.next()).toBe('req-1');
    ids.settle();
    expect(ids.next()).toBe('req-2');
  });
});

import Taro from '@tarojs/taro';
import { isErrorBody } from '@leadloop/shared';
import { ApiError } from './api-error';

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  data?: unknown;
  token?: string | null;
}

/** One HTTP exchange over Taro.request: resolves with the JSON body on 2xx, rejects with ApiError otherwise. */
export async function httpJson(request: HttpRequest): Promise<unknown> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (request.token) header.Authorization = `Bearer ${request.token}`;
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    response = await Taro.request({
      url: request.url,
      method: request.method,
      data: request.data as Record<string, unknown> | undefined,
      header,
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', 'network request failed');
  }
  return settle(response.statusCode, response.data);
}

/**
 * The body of a 2xx answer; otherwise the server's `{ code, message }` as an ApiError. Shared by
 * every transport (Taro.request, uploads), so all of them reject the same way.
 */
export function settle(status: number, body: unknown): unknown {
  if (status >= 200 && status < 300) return body;
  if (isErrorBody(body)) {
    throw new ApiError(body.code, body.message, { status, requestId: body.requestId, details: body.details });
  }
  throw new ApiError(status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', `HTTP ${status}`, { status });
}

/** A body that arrived as text (uploads answer a string in WeChat): JSON when it parses, else as is. */
export function parseJsonText(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

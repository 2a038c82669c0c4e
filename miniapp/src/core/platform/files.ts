import Taro from '@tarojs/taro';
import { ApiError } from '../api/api-error';
import { parseJsonText, settle } from '../api/http';
import { isH5, isWeapp } from './env';

/**
 * Files in and out of the app: choosing one to upload, uploading it, opening a downloaded
 * document, handing a text file to the person. WeChat works with temporary file paths
 * (chooseMessageFile, uploadFile, downloadFile, openDocument); a browser with File objects,
 * <input type="file">, fetch and <a download>.
 */

export type FileKind = 'pdf' | 'image' | 'csv';

/** A file the person chose: a WeChat temp path, or the browser's File. */
export interface PickedFile {
  name: string;
  size: number;
  /** Declared media type, when the platform says (the server checks the bytes anyway). */
  type: string | null;
  source: string | Blob;
}

export interface UploadRequest {
  url: string;
  token: string | null;
  fields: Record<string, string>;
  /** Part name → file. WeChat's uploadFile sends one file a request. */
  files: Record<string, PickedFile>;
}

const ACCEPT: Record<FileKind, string> = { pdf: 'application/pdf,.pdf', image: 'image/png,image/jpeg', csv: 'text/csv,.csv' };
/** Documents reach a phone through chats: WeChat picks them from a conversation's files. */
const DOCUMENTS: Partial<Record<FileKind, { extension: string; type: string }>> = { pdf: { extension: 'pdf', type: 'application/pdf' }, csv: { extension: 'csv', type: 'text/csv' } };

function cancelledOrFailed(failure: unknown, what: string): ApiError {
  const errMsg = (failure as { errMsg?: string } | null)?.errMsg ?? '';
  if (/cancel/i.test(errMsg)) return new ApiError('CANCELLED', `${what} cancelled`);
  if (/auth|deny|denied|permission/i.test(errMsg)) return new ApiError('PERMISSION_DENIED', errMsg);
  return new ApiError('WECHAT_ERROR', errMsg || `${what} failed`);
}

/**
 * Lets the person choose a file; null when they back out. In a browser the chooser must open
 * within the tap, so nothing is awaited before the input is clicked.
 */
export function pickFile(kind: FileKind): Promise<PickedFile | null> {
  if (isWeapp) return pickInWechat(kind);
  if (typeof document === 'undefined') return Promise.reject(new ApiError('NOT_SUPPORTED', 'no file chooser here'));
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file ? { name: file.name, size: file.size, type: file.type || null, source: file } : null);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

async function pickInWechat(kind: FileKind): Promise<PickedFile | null> {
  try {
    const document = DOCUMENTS[kind];
    if (document) {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [document.extension] });
      const file = tempFiles[0];
      return file ? { name: file.name, size: file.size, type: document.type, source: file.path } : null;
    }
    const { tempFiles } = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
    const file = tempFiles[0];
    if (!file) return null;
    const name = file.tempFilePath.split('/').pop() ?? 'image.jpg';
    return { name, size: file.size, type: /\.png$/i.test(name) ? 'image/png' : 'image/jpeg', source: file.tempFilePath };
  } catch (failure) {
    const error = cancelledOrFailed(failure, 'choosing a file');
    if (error.code === 'CANCELLED') return null;
    throw error;
  }
}

/** Whether one request may carry several files (WeChat's uploadFile takes one). */
export const uploadsSeveralFiles = isH5;

/** multipart/form-data to the server; resolves with the JSON body, rejects with ApiError like every call. */
export async function uploadForm(request: UploadRequest): Promise<unknown> {
  const header: Record<string, string> = {};
  if (request.token) header.Authorization = `Bearer ${request.token}`;
  const parts = Object.entries(request.files);

  if (isWeapp) {
    if (parts.length !== 1) throw new ApiError('NOT_SUPPORTED', 'WeChat uploads one file a request');
    const [name, file] = parts[0];
    let response: Taro.uploadFile.SuccessCallbackResult;
    try {
      response = await Taro.uploadFile({ url: request.url, filePath: String(file.source), name, formData: request.fields, header, timeout: 60_000 });
    } catch {
      throw new ApiError('NETWORK_ERROR', 'upload failed');
    }
    return settle(response.statusCode, parseJsonText(response.data));
  }

  const form = new FormData();
  for (const [key, value] of Object.entries(request.fields)) form.append(key, value);
  for (const [key, file] of parts) {
    if (typeof file.source === 'string') throw new ApiError('NOT_SUPPORTED', 'not a browser file');
    form.append(key, file.source, file.name);
  }
  let response: Response;
  try {
    response = await fetch(request.url, { method: 'POST', body: form, headers: header });
  } catch {
    throw new ApiError('NETWORK_ERROR', 'upload failed');
  }
  return settle(response.status, parseJsonText(await response.text()));
}

/** Starts a browser download of a URL under the given name (same-origin links honour the name). */
function browserDownload(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

async function downloadToTemp(url: string): Promise<string> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url });
  } catch (failure) {
    throw cancelledOrFailed(failure, 'download');
  }
  if (result.statusCode !== 200) {
    // the server's refusal (e.g. DOWNLOAD_LINK_EXPIRED) is in the file WeChat saved
    let body: unknown = null;
    try {
      body = parseJsonText(Taro.getFileSystemManager().readFileSync(result.tempFilePath, 'utf8'));
    } catch {
      body = null;
    }
    settle(result.statusCode, body);
  }
  return result.tempFilePath;
}

/**
 * A document behind a (signed) URL: WeChat downloads it and opens its viewer, where the person
 * can forward or save it; a browser downloads it.
 */
export async function openDocument(url: string, fileName: string): Promise<void> {
  if (isWeapp) {
    const filePath = await downloadToTemp(url);
    try {
      await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
    } catch (failure) {
      throw cancelledOrFailed(failure, 'opening the document');
    }
    return;
  }
  browserDownload(url, fileName);
}

/** Whether images can go straight to the phone's album (WeChat); a browser offers long-press or a download. */
export const savesToAlbum = isWeapp;

/**
 * Saves an image to the album: the first time WeChat asks for `writePhotosAlbum`; once refused it
 * fails at once with PERMISSION_DENIED, and only the settings page can grant it.
 */
export async function saveImageToAlbum(url: string, fileName: string): Promise<void> {
  if (!isWeapp) {
    browserDownload(url, fileName);
    return;
  }
  const filePath = await downloadToTemp(url);
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
  } catch (failure) {
    throw cancelledOrFailed(failure, 'saving the image');
  }
}

/** WeChat's own sheet for an image: send to a chat, save, or recognise its code. */
export const sharesImages = isWeapp;

export async function shareImage(url: string): Promise<void> {
  if (!isWeapp || typeof Taro.showShareImageMenu !== 'function') throw new ApiError('NOT_SUPPORTED', 'no image share sheet here');
  const path = await downloadToTemp(url);
  try {
    await Taro.showShareImageMenu({ path });
  } catch (failure) {
    throw cancelledOrFailed(failure, 'sharing the image');
  }
}

/**
 * Hands a text file (e.g. the data export) to the person: a download in a browser; in WeChat the
 * file is written to the app's user folder and offered with shareFileMessage, which is how a file
 * leaves a mini-program (send it to 文件传输助手 or any chat). Must run within a tap.
 */
export async function exportTextFile(fileName: string, text: string, mime = 'application/json'): Promise<'downloaded' | 'shared'> {
  if (isWeapp) {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
    try {
      Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
      await Taro.shareFileMessage({ filePath, fileName });
    } catch (failure) {
      throw cancelledOrFailed(failure, 'sharing the file');
    }
    return 'shared';
  }
  const href = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  try {
    browserDownload(href, fileName);
  } finally {
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
  return 'downloaded';
}

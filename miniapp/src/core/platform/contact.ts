import Taro from '@tarojs/taro';
import { ApiError } from '../api/api-error';
import { isWeapp } from './env';
import { exportTextFile } from './files';
import { vCardFileName, vCardOf, type ContactCard } from './vcard';

export type { ContactCard } from './vcard';

function failure(error: unknown, what: string): ApiError {
  const errMsg = (error as { errMsg?: string } | null)?.errMsg ?? '';
  if (/cancel/i.test(errMsg)) return new ApiError('CANCELLED', `${what} cancelled`);
  if (/auth|deny|denied/i.test(errMsg)) return new ApiError('PERMISSION_DENIED', errMsg);
  return new ApiError('WECHAT_ERROR', errMsg || `${what} failed`);
}

/** Dials a number: WeChat's call sheet, or the browser's tel: link. */
export async function callPhone(phone: string): Promise<void> {
  const number = phone.replace(/[^\d+-]/g, '');
  if (isWeapp) {
    try {
      await Taro.makePhoneCall({ phoneNumber: number });
    } catch (error) {
      throw failure(error, 'calling');
    }
    return;
  }
  window.location.href = `tel:${number}`;
}

/** Saves a card to the phone's contacts: WeChat's addPhoneContact, or a .vcf download in a browser. */
export async function saveContact(card: ContactCard): Promise<void> {
  if (isWeapp) {
    try {
      await Taro.addPhoneContact({
        firstName: card.name,
        organization: card.company ?? undefined,
        title: card.title ?? undefined,
        // a landline (010-…) is a work number, a mobile a mobile one
        ...(card.phone ? (card.phone.startsWith('0') ? { workPhoneNumber: card.phone } : { mobilePhoneNumber: card.phone }) : {}),
        email: card.email ?? undefined,
      });
    } catch (error) {
      throw failure(error, 'saving the contact');
    }
    return;
  }
  await exportTextFile(vCardFileName(card.name), vCardOf(card), 'text/vcard');
}

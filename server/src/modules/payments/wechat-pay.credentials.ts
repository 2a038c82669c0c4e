import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import type { AppConfig } from '../../config/config';

/** The sandbox's own platform keys: it signs notifications with them, as WeChat Pay does with its own. */
export interface SandboxPlatformKeys {
  privateKeyPem: string;
  publicKeyId: string;
  certificatePem: string;
  certificateSerial: string;
}

/**
 * Everything the server needs to talk to WeChat Pay v3. From the WECHATPAY_* settings; with the
 * sandbox on, whatever is not configured is generated at boot (merchant key, APIv3 key), and the
 * sandbox's platform keys are generated here too so both sides of the sandbox agree.
 */
export interface PayCredentials {
  enabled: boolean;
  appId: string;
  mchId: string;
  serialNo: string;
  privateKeyPem: string;
  /** The merchant public key: WeChat (here, the sandbox) verifies our request signatures with it. */
  merchantPublicKeyPem: string;
  apiV3Key: string;
  /** Public-key mode: notifications carry `Wechatpay-Serial: PUB_KEY_ID_…`. */
  platformPublicKey: { id: string; pem: string } | null;
  sandbox: SandboxPlatformKeys | null;
}

export const PAY_CREDENTIALS = Symbol('PAY_CREDENTIALS');

export function loadPayCredentials(config: AppConfig): PayCredentials {
  const { pay, wechat } = config;
  const configured = !!(pay.mchId && pay.serialNo && pay.privateKeyPath && pay.apiV3Key);
  if (!configured && !wechat.sandbox) {
    return { enabled: false, appId: wechat.appId, mchId: '', serialNo: '', privateKeyPem: '', merchantPublicKeyPem: '', apiV3Key: '', platformPublicKey: null, sandbox: null };
  }
  const privateKeyPem = pay.privateKeyPath ? readFileSync(pay.privateKeyPath, 'utf8') : rsaKeyPair().privateKeyPem;
  const sandbox = wechat.sandbox ? sandboxPlatformKeys() : null;
  const platformPublicKey = pay.platformPublicKey
    ? { id: pay.platformPublicKey.id, pem: readFileSync(pay.platformPublicKey.path, 'utf8') }
    : sandbox
      ? { id: sandbox.publicKeyId, pem: createPublicKey(sandbox.privateKeyPem).export({ type: 'spki', format: 'pem' }).toString() }
      : null;
  return {
    enabled: true,
    appId: wechat.appId,
    mchId: pay.mchId ?? '1900000109',
    serialNo: pay.serialNo ?? randomBytes(20).toString('hex').toUpperCase(),
    privateKeyPem,
    merchantPublicKeyPem: createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString(),
    apiV3Key: pay.apiV3Key ?? randomBytes(16).toString('hex'),
    platformPublicKey,
    sandbox,
  };
}

function rsaKeyPair(): { privateKeyPem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** A platform key pair, its public-key id, and a self-signed certificate over the same key (certificate mode). */
function sandboxPlatformKeys(): SandboxPlatformKeys {
  const { privateKeyPem } = rsaKeyPair();
  const key = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  const serial = randomBytes(20);
  serial[0] &= 0x7f; // a positive ASN.1 integer
  cert.serialNumber = serial.toString('hex');
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // wall time: the certificate is checked by the crypto library, which reads the system clock
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const subject = [{ name: 'commonName', value: 'Tenpay.com Root CA (sandbox)' }, { name: 'organizationName', value: 'LeadLoop sandbox' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  return {
    privateKeyPem,
    publicKeyId: `PUB_KEY_ID_${randomBytes(16).toString('hex').toUpperCase()}`,
    certificatePem: forge.pki.certificateToPem(cert),
    certificateSerial: serial.toString('hex').toUpperCase(),
  };
}

// Self-signed certificate for huggingface.co and *.huggingface.co, made once with the openssl CLI and
// reused. Key and certificate share one file so that concurrent first starts cannot pair a key with
// another process's certificate (the file appears atomically by rename).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const CERT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'certs');
export const CERT_FILE = join(CERT_DIR, 'huggingface.co.pem');

/** @param {string} pem */
function split(pem) {
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/.exec(pem)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(pem)?.[0];
  return key && cert ? { key, cert } : null;
}

/** @returns {Promise<{ key: string, cert: string }>} */
export async function ensureCertificate() {
  const existing = await readFile(CERT_FILE, 'utf8').then(split, () => null);
  if (existing) return existing;
  await mkdir(CERT_DIR, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'offline-hub-cert-'));
  try {
    const keyPath = join(work, 'key.pem');
    const certPath = join(work, 'cert.pem');
    await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '3650',
      '-subj', '/CN=huggingface.co',
      '-addext', 'subjectAltName=DNS:huggingface.co,DNS:*.huggingface.co,DNS:localhost,IP:127.0.0.1',
    ]);
    const pem = (await readFile(keyPath, 'utf8')) + (await readFile(certPath, 'utf8'));
    const staging = join(CERT_DIR, `.staging-${process.pid}-${Date.now()}.pem`);
    await writeFile(staging, pem, { mode: 0o600 });
    await rename(staging, CERT_FILE);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const created = split(await readFile(CERT_FILE, 'utf8'));
  if (!created) throw new Error(`could not read the certificate at ${CERT_FILE}`);
  return created;
}

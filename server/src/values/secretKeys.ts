import { KnownProperty } from '../catalog/catalog';

/** Endings of a key's last segment that name a secret (compared case-insensitively). */
const SECRET_ENDINGS = ['password', 'passwd', 'secret', 'salt', 'token', 'secretkey', 'cryptkey', 'encryptionkey', 'apikey'];
/** Last segments that name where a secret comes from, how it is used, or an endpoint: not secrets themselves. */
const NOT_SECRET = /(source|mode|grant|endpoint|fromaddress|enabled?|usernamepart|^edit_password|^include\w*)$/i;

/** Whether a key's last segment ends like the name of a secret (`restApiPassword`, `hash.salt`), in any case. */
export function hasSecretName(key: string): boolean {
  const lower = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return SECRET_ENDINGS.some((ending) => lower.endsWith(ending));
}

/** A value that is no secret whatever its key: a boolean, a number or a URL. */
function isPlainData(value: string): boolean {
  return /^(true|false)$/i.test(value) || /^-?\d+(\.\d+)?$/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

/**
 * Whether a setting holds a secret: the catalog says so, or (for keys it does not know) the key's last segment
 * ends like a secret's name and the value is not plain data. `restApiPassword` counts; `passwordSource`,
 * `enablePasswordGrant` and `opTokenEndpoint` do not.
 */
export function isSecretSetting(key: string, value: string, known?: KnownProperty): boolean {
  if (known?.def.secret) return true;
  if (known) return false;
  if (NOT_SECRET.test(key.slice(key.lastIndexOf('.') + 1)) || !hasSecretName(key)) return false;
  return !isPlainData(value.trim());
}

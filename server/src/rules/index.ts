import { defaultSecretRule } from './defaultSecret';
import { deprecatedKeyRule } from './deprecatedKey';
import { duplicateKeyRule } from './duplicateKey';
import { encodingRule } from './encoding';
import { invalidValueRule } from './invalidValue';
import { mapKeyOutsideMapFileRule } from './mapKeyOutsideMapFile';
import { misreadValueRule } from './misreadValue';
import { Rule } from './rule';
import { syntaxRule } from './syntax';
import { unknownKeyRule } from './unknownKey';
import { wrongFileRule } from './wrongFile';

/** Every rule that looks at one file at a time. */
export const SINGLE_FILE_RULES: readonly Rule[] = [
  syntaxRule,
  unknownKeyRule,
  duplicateKeyRule,
  invalidValueRule,
  misreadValueRule,
  deprecatedKeyRule,
  wrongFileRule,
  mapKeyOutsideMapFileRule,
  defaultSecretRule,
  encodingRule,
];

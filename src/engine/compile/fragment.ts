/**
 * SQL assembled from fragments that carry their own bound values, so the `?` placeholders and
 * the params array can never drift apart however the pieces are nested or reordered.
 */
import { AppError } from '../../errors.js';

export type SqlParam = string | number | boolean;

// PostgreSQL text cannot hold NUL, so such a value could never match and would fail the query.
function nulCharacter(): AppError {
  return new AppError('invalid_definition', 'A value in the audience contains a NUL character, which no stored text can hold. Remove it and try again.');
}

export class Fragment {
  constructor(
    readonly text: string,
    readonly params: readonly SqlParam[],
  ) {}
}

type Part = Fragment | SqlParam;

/** `sql\`a = ${value}\``: values become `?` params, embedded fragments keep theirs. */
export function sql(strings: TemplateStringsArray, ...parts: Part[]): Fragment {
  let text = strings[0]!;
  const params: SqlParam[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Fragment) {
      text += part.text;
      params.push(...part.params);
    } else {
      if (typeof part === 'string' && part.includes('\u0000')) throw nulCharacter();
      text += '?';
      params.push(part);
    }
    text += strings[i + 1]!;
  });
  return new Fragment(text, params);
}

export function join(fragments: readonly Fragment[], separator: string): Fragment {
  return new Fragment(
    fragments.map((f) => f.text).join(separator),
    fragments.flatMap((f) => f.params),
  );
}

/** `(?, ?, ?)` for a list of values. */
export function valueList(values: readonly SqlParam[]): Fragment {
  if (values.some((v) => typeof v === 'string' && v.includes('\u0000'))) throw nulCharacter();
  return new Fragment(`(${values.map(() => '?').join(', ')})`, values);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * An identifier we generated (table, `p_3`, alias). Anything else is refused rather than
 * quoted: user words never become identifiers.
 */
export function ident(name: string): Fragment {
  if (!IDENTIFIER.test(name)) throw new Error(`Refusing a non-generated SQL identifier: ${JSON.stringify(name)}`);
  return new Fragment(name, []);
}

export const TRUE = new Fragment('1 = 1', []);
export const FALSE = new Fragment('1 = 0', []);

/** Fixed SQL text chosen by the compiler (an operator, a keyword); never a value. */
export function keyword(text: string): Fragment {
  return new Fragment(text, []);
}

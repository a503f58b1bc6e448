/**
 * Tokens → parser English. Words stay in their order; quantities are read as phrases: a number
 * with its unit and the words around it that make it a window ("過去30日間", "ใน 30 วันที่ผ่านมา",
 * "最近30天"), a time ago ("3ヶ月以上前"), a count ("5本以上", "超過10個"), an amount ("500ドル超え")
 * or an age ("40歳以上", "อายุ 30 ปีขึ้นไป"). A comparison written after its number (Japanese,
 * "以上") is said before it, as in English.
 */
import type { Token } from './match.js';
import { isNominal, isPlace, isThing } from './lexicon/index.js';
import type { Role, Unit } from './lexicon/sense.js';

/** `nominal`: names who or where ("customers", "Japan", "Android"), the head a clause describes. */
export interface Piece {
  kind: 'en' | 'kept';
  text: string;
  nominal?: boolean;
  place?: boolean;
  /** Names a value, a list, a place or people: what an exclusion applies to. */
  thing?: boolean;
  postposed?: boolean;
  /** A word read as nothing stood before it: kept words on either side stay apart. */
  apart?: boolean;
}

const roleOf = (t: Token | undefined): Role | undefined => (t?.kind === 'sense' ? t.sense.role : undefined);
const isRole = (t: Token | undefined, ...kinds: Role['kind'][]) => {
  const r = roleOf(t);
  return r !== undefined && kinds.includes(r.kind);
};

export function readPhrases(tokens: readonly Token[]): Piece[] {
  const out: Piece[] = [];
  /** Window words said before a duration ("過去", "ใน", "前"), waiting for one. */
  let pendingWindow: Piece[] = [];
  let pendingAge: Piece | undefined;
  const flush = () => {
    out.push(...pendingWindow);
    pendingWindow = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const role = roleOf(t);
    if (role && (role.kind === 'past' || role.kind === 'within' || role.kind === 'before')) {
      pendingWindow.push(en(t));
      continue;
    }
    if (role?.kind === 'age-prefix') {
      flush();
      pendingAge = en(t);
      out.push(pendingAge);
      continue;
    }
    let duration: { amount: number; unit: Unit } | undefined;
    let next = i + 1;
    if (t.kind === 'number' && roleOf(tokens[i + 1])?.kind === 'unit') {
      const unit = (roleOf(tokens[i + 1]) as Extract<Role, { kind: 'unit' }>).unit;
      duration = { amount: t.value, unit };
      next = i + 2;
    } else if (role?.kind === 'duration') duration = { amount: role.amount, unit: role.unit };

    if (duration && !(pendingAge && duration.unit === 'years')) {
      const compare = roleOf(tokens[next])?.kind === 'compare' ? tokens[next++] : undefined;
      while (isRole(tokens[next], 'within', 'past')) next++;
      const ago = isRole(tokens[next], 'ago') || (tokens[next]?.kind === 'sense' && isRole(tokens[next], 'before'));
      if (ago) next++;
      while (isRole(tokens[next], 'within', 'past')) next++;
      pendingWindow = [];
      const { amount, unit } = duration;
      const said = `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
      if (ago) out.push({ kind: 'en', text: `${compare ? compareText(compare) + ' ' : ''}${said} ago` });
      else out.push({ kind: 'en', text: `in the last ${said}` });
      i = next - 1;
      continue;
    }
    flush();
    if (t.kind === 'number') {
      const skip = roleOf(tokens[i + 1])?.kind === 'counter' && roleOf(tokens[i + 2])?.kind === 'counted' ? 1 : 0; // 1つ星
      const r = roleOf(tokens[i + 1 + skip]);
      let text = String(t.value);
      next = i + 1;
      if (r?.kind === 'counted') [text, next] = [`${t.value} ${compareText(tokens[i + 1 + skip]!)}`, i + 2 + skip];
      else if (r?.kind === 'unit' && pendingAge) [text, next] = [`${t.value} years old`, i + 2]; // อายุ 30 ปี
      else if (r?.kind === 'age') [text, next] = [`${t.value} years old`, i + 2];
      else if (r?.kind === 'times') [text, next] = [`${t.value} times`, i + 2];
      else if (r?.kind === 'money') [text, next] = [`$${t.value}`, i + 2];
      else if (r?.kind === 'counter') next = i + 2;
      if (roleOf(tokens[next])?.kind === 'compare') text = `${compareText(tokens[next++]!)} ${text}`;
      if (pendingAge && text.endsWith('years old')) out.splice(out.indexOf(pendingAge), 1);
      pendingAge = undefined;
      out.push({ kind: 'en', text });
      i = next - 1;
      continue;
    }
    if (role?.kind === 'but-after-verb') {
      if (/[たてだ]$/.test(tokens[i - 1]?.text ?? '')) out.push({ kind: 'en', text: 'but' });
      continue;
    }
    if (t.kind === 'punct') {
      out.push({ kind: 'en', text: /[、，,]/.test(t.text) ? ',' : /[。.]/.test(t.text) ? '.' : t.text });
      continue;
    }
    out.push(en(t));
  }
  flush();
  return neverOnce(out);
}

/**
 * "一度もメールを開いていない", "ไม่เคยเปิดอีเมลเลย": "never" and the negation of its verb say one
 * negation; the second is not read again.
 */
function neverOnce(pieces: Piece[]): Piece[] {
  let never = false;
  return pieces.filter((p) => {
    if (p.text === 'never') never = true;
    else if (p.text === ',' || p.text === '.' || p.text === 'but') never = false;
    else if (never && p.text === 'not') {
      never = false;
      return false;
    }
    return true;
  });
}

const en = (t: Token): Piece =>
  t.kind === 'sense'
    ? {
        kind: 'en',
        text: t.sense.en,
        nominal: isNominal(t.sense),
        place: isPlace(t.sense),
        thing: isThing(t.sense),
        postposed: t.sense.role?.kind === 'postposed',
      }
    : { kind: 'kept', text: t.text, nominal: /^[\x21-\x7e]+$/.test(t.text), thing: true };
const compareText = (t: Token) => (t.kind === 'sense' ? t.sense.en : '');

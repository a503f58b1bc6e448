/**
 * The ways a glossary term shows up in a request: "recently" also as "recent", "interaction"
 * as "interactions"/"interacted", "active" negated as "inactive"/"not active".
 */
/** Everyday words for common glossary terms: "not anymore" is "not recently". */
const SYNONYMS: Record<string, string[]> = {
  recently: ['lately', 'of late', 'anymore', 'any more', 'any longer', 'these days', 'nowadays'],
};

export function glossaryForms(term: string): Array<{ form: string; negated: boolean }> {
  const t = term.toLowerCase().trim();
  const forms: Array<{ form: string; negated: boolean }> = [{ form: t, negated: false }, ...(SYNONYMS[t] ?? []).map((form) => ({ form, negated: false }))];
  if (t.endsWith('ly') && t.length > 4) forms.push({ form: t.slice(0, -2), negated: false });
  if (t.endsWith('ion')) forms.push({ form: `${t.slice(0, -3)}ed`, negated: false }, { form: `${t}s`, negated: false });
  if (t.endsWith('ed')) forms.push({ form: `${t.slice(0, -1)}ment`, negated: false });
  if (!t.includes(' ') && /^[a-z]+$/.test(t)) forms.push({ form: `in${t}`, negated: true }, { form: `non-${t}`, negated: true }, { form: `un${t}`, negated: true });
  return forms;
}

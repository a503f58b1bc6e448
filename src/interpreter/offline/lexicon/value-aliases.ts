/**
 * Everyday names for values a workspace stores otherwise: adjectives for property values
 * ("promotional" emails are of type promotion). Countries, languages, genders and platforms are
 * value families (vocabulary/value-families.ts), whatever form the data stores them in.
 */

export interface ValueAlias {
  /** The value as stored (compared case-sensitively first, then case-insensitively). */
  value: string;
  /** Which traits or properties the alias is meant for, by name. */
  field: RegExp;
  words: string[];
}

/**
 * Countries people often name: one of them that no profile is from ("Spain") is said back as
 * missing rather than read as something else.
 */
export const COMMON_COUNTRIES = ['US', 'CA', 'GB', 'DE', 'JP', 'TW', 'AU', 'FR', 'BR', 'TH', 'ES', 'IT', 'NL', 'MX', 'IN', 'CN', 'KR', 'SG', 'HK',
  'NZ', 'IE', 'SE', 'NO', 'DK', 'FI', 'CH', 'AT', 'BE', 'PT', 'PL', 'MY', 'ID', 'PH', 'VN', 'AR', 'CL', 'CO', 'ZA', 'AE', 'SA', 'IL', 'TR'];

export const VALUE_ALIASES: ValueAlias[] = [
  { value: 'promotion', field: /type|kind/i, words: ['promotional', 'promotion', 'promotions', 'promo', 'promos', 'marketing promotion'] },
  { value: 'newsletter', field: /type|kind/i, words: ['newsletter', 'newsletters'] },
];

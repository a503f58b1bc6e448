/** Counts people agree on without a number: "repeat customers" is two or more purchases, "one-time buyers" one. */
export const REPEAT_WORDS: Array<[string, 'gte2' | 'eq1']> = [
  ['repeat customer', 'gte2'], ['repeat customers', 'gte2'], ['repeat buyer', 'gte2'], ['repeat buyers', 'gte2'],
  ['repeat purchaser', 'gte2'], ['repeat purchasers', 'gte2'], ['returning customers', 'gte2'], ['returning buyers', 'gte2'],
  ['one-time buyer', 'eq1'], ['one-time buyers', 'eq1'], ['one-time customers', 'eq1'], ['one-time purchasers', 'eq1'],
  ['single-purchase customers', 'eq1'],
];

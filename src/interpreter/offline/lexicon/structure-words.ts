/** Words that join or negate the parts of a request. */

export const AND_WORDS = [
  'and', 'but', 'who', 'that', 'which', 'while', 'also', 'plus', 'as well as', 'and also', 'but also',
  'along with', 'together with', 'and who', 'but who', 'who also', 'and are', 'and have', 'and has',
  ',', ';', '.', '&', '!', '?', ':', 'and that', 'then', 'though', 'although', 'however', 'even though', 'whereas',
];

/** Joins that may carry a detail of the thing just named ("left a review with a rating of 2"). */
export const WITH_WORDS = ['with', 'whose', 'where', 'having', 'with a', 'with an', 'containing', 'featuring', 'in which'];

export const OR_WORDS = ['or', 'and/or', 'or who', 'or that', 'or else', 'or whose', 'or with', 'either way'];

/** A negation of the next thing named: "without a phone number", "nor tagged VIP". */
export const AND_NOT_WORDS = ['without', 'nor', 'but without', 'with no'];

/**
 * An audience taken away, with everything said after it: "excluding anyone refunded in the last
 * 60 days", "leave out the blocklist and beta testers".
 */
export const EXCEPT_WORDS = [
  'excluding', 'exclude', 'excludes', 'except', 'except for', 'except those', 'except anyone', 'other than', 'apart from', 'minus',
  'not including', 'leaving out', 'but exclude', 'but excluding', 'remove', 'removing', 'leave out', 'filter out', 'filtering out',
  'but leave out', 'and leave out', 'and exclude', 'and excluding', 'excl', 'excl.', 'exclusive of', 'barring', 'save for', 'omit', 'omitting',
  'take out', 'taking out', 'drop', 'but drop', 'and drop', 'less',
];

/** "either A or B": the choice that follows is between whole clauses. */
export const EITHER_WORDS = ['either', 'either those', 'either people', 'either users', 'either customers', 'either anyone'];

/** ", or anyone who …": the choice is between whole clauses, not the words next to it. */
export const WIDE_OR_WORDS = [
  'or anyone', 'or anybody', 'or everyone', 'or people', 'or those', 'or users', 'or customers', 'or members', 'or folks', 'or ppl',
  'or any user', 'or any customer', 'or someone', 'or somebody', 'or alternatively', 'or else anyone',
];

export const NEGATION_WORDS = [
  'not', 'no', "haven't", "hasn't", 'have not', 'has not', "hadn't", 'had not', "didn't", 'did not', "don't",
  "doesn't", 'do not', 'does not', "aren't", "isn't", 'is not', 'are not', "wasn't", "weren't", 'was not',
  'were not', "won't", 'cannot', "can't", 'none', 'neither', 'lack', 'lacks', 'lacking', 'missing', 'non',
  'no longer', 'zero', 'not yet', 'have yet to', 'has yet to', 'failed to', 'never got', 'dont', 'didnt', 'havent', 'hasnt', 'doesnt',
  'not any', 'no one', 'not a single', 'nothing', 'none at all',
  // "whose gender is unknown": the trait is not there
  'unknown', 'unspecified', 'not specified', 'not set', 'blank', 'null', 'not provided', 'not given', 'nobody', 'noone',
];

export const NEVER_WORDS = [
  'never', 'have never', 'has never', 'never ever', "haven't ever", "hasn't ever", 'not ever', 'not once', 'never once',
  'at no point',
];

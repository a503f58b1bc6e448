/**
 * A "Did you mean" name put in place of the name the service did not know: the error's message
 * quotes the unknown name ('Ordr Completed'); where the request holds it, the name replaces it.
 */

/**
 * @param {string} prompt the request that failed
 * @param {string} message the error's message, quoting the unknown name
 * @param {string} suggestion the name to use instead
 * @returns {string | undefined} the request with the name replaced, or undefined when it does not hold the unknown name
 */
export function withSuggestion(prompt, message, suggestion) {
  for (const [, wrong] of String(message ?? '').matchAll(/'([^']+)'/g)) {
    const at = prompt.toLowerCase().indexOf(wrong.toLowerCase());
    if (at >= 0) return prompt.slice(0, at) + suggestion + prompt.slice(at + wrong.length);
  }
  return undefined;
}

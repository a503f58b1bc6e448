/** Whether two JSON values are the same, whatever their key order. */

/** JSON with object keys sorted, so equal values read the same whatever their key order. */
function stableJson(value) {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether two values are the same JSON (inputs that did not change are not sent). */
export const sameValue = (a, b) => stableJson(a) === stableJson(b);

/** How people say that a channel reaches someone ("reachable by email", "can't reach by sms", "emailable"). */

export const reachableTerm = (channel: string) => `reachable by ${channel.toLowerCase()}`;

/** How people say a channel reaches someone, or does not. */
export function reachableForms(channel: string): Array<{ form: string; negated: boolean }> {
  const c = channel.toLowerCase().replace(/_/g, ' ');
  const yes = [`reachable by ${c}`, `reachable via ${c}`, `reachable on ${c}`, `reachable through ${c}`, `${c} reachable`, `${c}-reachable`,
    `can be reached by ${c}`, `can reach by ${c}`, `we can reach by ${c}`, `contactable by ${c}`, `contactable via ${c}`, `can be contacted by ${c}`,
    ...(c === 'email' ? ['emailable', 'can be emailed', 'we can email'] : []), ...(c === 'sms' ? ['textable', 'can be texted', 'we can text'] : [])];
  const no = [`unreachable by ${c}`, `not reachable by ${c}`, `not reachable via ${c}`, `can't reach by ${c}`, `cannot reach by ${c}`, `can not reach by ${c}`,
    `we can't reach by ${c}`, `can't be reached by ${c}`, `not contactable by ${c}`, ...(c === 'email' ? ["can't email", 'cannot email', 'not emailable'] : [])];
  return [...yes.map((form) => ({ form, negated: false })), ...no.map((form) => ({ form, negated: true }))];
}

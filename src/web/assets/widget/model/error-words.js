/**
 * What each error code means for the person using the page, in plain words, and what they can
 * do about it. The service's own message (often naming the exact word or limit) is shown under
 * the title when it adds something.
 */

const WORDS = {
  invalid_prompt: { title: 'Please adjust the description', hint: 'Describe the audience in 20 to 300 characters.' },
  invalid_definition: { title: 'That condition is not valid', hint: 'Check the values you changed.' },
  invalid_input: { title: 'That was not understood', hint: 'Check what you entered and try again.' },
  unknown_reference: { title: "That isn't in your data", hint: 'Use the names of events, traits or lists your workspace has.' },
  out_of_scope: { title: "That isn't something your data records", hint: 'Try describing it with what customers did or who they are.' },
  lookback_exceeded: { title: 'That goes further back than your plan allows', hint: 'Use a shorter time window.' },
  type_mismatch: { title: "That value doesn't fit", hint: 'A number, date or text is expected there.' },
  limit_exceeded: { title: 'That audience is too complex', hint: 'Use fewer conditions or values.' },
  personal_data: { title: 'That is personal data', hint: 'Personal details like email or phone can only be asked whether they are set.' },
  unsupported_language: { title: "That language isn't read yet", hint: 'Describe the audience in English, Chinese, Japanese or Thai.' },
  live_only_condition: { title: 'That is only known when a visitor arrives', hint: 'Use conditions on the visit (device, page, campaign) in a live audience.' },
  import_failed: { title: 'The data could not be imported', hint: 'Check the files named in the message, then import again.' },
  not_found: { title: 'Not found', hint: 'It may have been deleted. Start a new thread.' },
  unauthorized: { title: 'Not allowed', hint: 'The API key of this page was refused.' },
  payload_too_large: { title: 'That is too long', hint: 'Shorten what you entered.' },
  rate_limited: { title: 'Too many requests', hint: 'Wait a moment, then retry.' },
  not_allowed: { title: 'That cannot be changed', hint: 'Built-in live audiences can be edited or turned off, not deleted.' },
  conflict: { title: 'This conversation is busy', hint: 'Another answer is still being worked on. Retry in a moment.' },
  llm_unavailable: { title: 'The assistant is not available right now', hint: 'Retry in a moment.' },
  store_unavailable: { title: 'Conversations cannot be saved right now', hint: 'Retry in a moment.' },
  engine_unavailable: { title: 'Counting is not available right now', hint: 'Retry in a moment.' },
  timeout: { title: 'That took too long', hint: 'The answer was stopped. Send the message again.' },
  unavailable: { title: 'The service is restarting', hint: 'Retry in a moment.' },
  internal: { title: 'Something went wrong on our side', hint: 'Retry in a moment.' },
  network: { title: 'The service cannot be reached', hint: 'Check your connection, then retry.' },
};

/**
 * @param {{ code: string, message?: string, retryable?: boolean, suggestions?: string[] }} error
 * @returns {{ title: string, detail: string, retryable: boolean, suggestions: string[] }}
 */
export function describeError(error) {
  const words = WORDS[error.code] ?? WORDS.internal;
  const message = (error.message ?? '').trim();
  // Internal messages say nothing a person can act on; the hint does.
  const detail = message && error.code !== 'internal' && error.code !== 'network' ? message : words.hint;
  return {
    title: words.title,
    detail,
    retryable: Boolean(error.retryable),
    suggestions: Array.isArray(error.suggestions) ? error.suggestions.map(String) : [],
  };
}

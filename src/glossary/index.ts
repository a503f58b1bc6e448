export { glossaryKey, type GlossaryRepository } from './types.js';
export { InMemoryGlossaryRepository } from './memory-glossary-repository.js';
export { withSavedGlossary } from './merge-glossary.js';

export type { Audience, AudienceRepository } from './types.js';
export { InMemoryAudienceRepository } from './memory-audience-repository.js';

/**
 * The library entry point (`import … from 'airlock'`): what embedding applications and the CLI share.
 * The audit log joins here when it is built.
 */
export { generateApiKey, hashApiKey, createKeyRing, type Principal, type KeyRing } from './auth/api-keys.ts';
export { loadConfig, parseConfig, parseConfigText, type LoadedConfig } from './config/load.ts';
export { configSchema, type AirlockConfig, type BackendConfig, type TenantConfig } from './config/schema.ts';
export { AirlockError, ConfigError, ERROR_CATALOGUE, type ErrorCode } from './errors.ts';
export { startGateway, type Gateway, type GatewayOptions } from './server/gateway.ts';
export { createDetectionEngine, type DetectionEngine, type DetectionEngineOptions } from './detect/engine.ts';
export { ENTITY_GROUPS, ENTITY_TYPES, type EntityType, type EntityGroup, type Finding } from './entities.ts';
export { inspect, type InspectOptions } from './pipeline/inspect-library.ts';
export type { InspectResult, InspectedFinding, Decision } from './pipeline/inspect-text.ts';
export { restoreText, createStreamRestorer, placeholderPrefixes } from './transform/restore.ts';

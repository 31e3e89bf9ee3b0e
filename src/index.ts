/**
 * The library entry point (`import … from 'airlock'`): what embedding applications and the CLI share.
 * Detection, transforms and the audit log join here as they are built.
 */
export { generateApiKey, hashApiKey, createKeyRing, type Principal, type KeyRing } from './auth/api-keys.ts';
export { loadConfig, parseConfig, parseConfigText, type LoadedConfig } from './config/load.ts';
export { configSchema, type AirlockConfig, type BackendConfig, type TenantConfig } from './config/schema.ts';
export { AirlockError, ConfigError, ERROR_CATALOGUE, type ErrorCode } from './errors.ts';
export { startGateway, type Gateway, type GatewayOptions } from './server/gateway.ts';

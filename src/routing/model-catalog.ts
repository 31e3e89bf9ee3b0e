/**
 * Which public model aliases exist, who may use them, and which backends serve each. A tenant sees only aliases
 * served by backends it may reach (shared ones and those dedicated to it), narrowed by its own and its key's
 * model lists. An alias it may not use is reported exactly like one that does not exist, so the catalogue of
 * another tenant cannot be probed.
 */
import type { Principal } from '../auth/api-keys.ts';
import type { AirlockConfig } from '../config/schema.ts';
import { AirlockError } from '../errors.ts';
import type { Endpoint } from '../protocol/openai.ts';

export interface Candidate {
  readonly backendId: string;
  /** The backend's own name for the model. */
  readonly backendModel: string;
}

export interface ModelCatalog {
  /** Aliases this principal may use, sorted. */
  modelsFor(principal: Principal): readonly string[];
  /** Backends that may serve this alias for this principal on this endpoint, in configuration order. */
  candidates(alias: string, principal: Principal, endpoint: Endpoint): readonly Candidate[];
}

interface Serving extends Candidate {
  readonly tenants: ReadonlySet<string> | null;
  readonly endpoints: ReadonlySet<Endpoint>;
}

export function createModelCatalog(config: AirlockConfig): ModelCatalog {
  const byAlias = new Map<string, Serving[]>();
  for (const b of config.backends) {
    for (const [alias, backendModel] of Object.entries(b.models)) {
      const list = byAlias.get(alias) ?? [];
      list.push({
        backendId: b.id,
        backendModel,
        tenants: b.tenants ? new Set(b.tenants) : null,
        endpoints: new Set(b.endpoints),
      });
      byAlias.set(alias, list);
    }
  }
  const tenantModels = new Map(config.tenants.map((t) => [t.id, t.models ? new Set(t.models) : null]));

  function usable(alias: string, principal: Principal): Serving[] {
    if (principal.models && !principal.models.has(alias)) return [];
    const granted = tenantModels.get(principal.tenant);
    if (granted === undefined || (granted !== null && !granted.has(alias))) return [];
    return (byAlias.get(alias) ?? []).filter((s) => s.tenants === null || s.tenants.has(principal.tenant));
  }

  return {
    modelsFor(principal) {
      return [...byAlias.keys()].filter((alias) => usable(alias, principal).length > 0).sort();
    },
    candidates(alias, principal, endpoint) {
      const serving = usable(alias, principal);
      if (serving.length === 0) throw new AirlockError('AIRLOCK_MODEL_NOT_FOUND', { param: 'model' });
      const forEndpoint = serving.filter((s) => s.endpoints.has(endpoint));
      if (forEndpoint.length === 0) throw new AirlockError('AIRLOCK_MODEL_WRONG_ENDPOINT', { param: 'model' });
      return forEndpoint.map(({ backendId, backendModel }) => ({ backendId, backendModel }));
    },
  };
}

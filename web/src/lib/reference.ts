import { api } from '../api/client.ts';
import type { Chain, District, StandardCatalogueEntry } from '../api/types.ts';

// Reference lists change only with a deployment: fetch each once per page load.
let districts: Promise<District[]> | undefined;
let chains: Promise<Chain[]> | undefined;

export function loadDistricts(): Promise<District[]> {
  districts ??= api.districts().catch((err) => {
    districts = undefined;
    throw err;
  });
  return districts;
}

export function loadChains(): Promise<Chain[]> {
  chains ??= api.chains().catch((err) => {
    chains = undefined;
    throw err;
  });
  return chains;
}

let catalogue: Promise<StandardCatalogueEntry[]> | undefined;

/** The standards catalogue; accepts a bare array or `{ items }` while the endpoint settles. */
export function loadStandardsCatalogue(): Promise<StandardCatalogueEntry[]> {
  catalogue ??= api.standards().then(
    (body) => (Array.isArray(body) ? body : (body.items ?? [])),
    (err) => {
      catalogue = undefined;
      throw err;
    },
  );
  return catalogue;
}

// Fetches the embedded dataset from the app's own origin (./data/*.fgb) and decodes it. index.html preloads the
// files (`<link rel=preload as=fetch crossorigin>`, which these fetches match), so they download while the
// scripts are still loading; the first call starts the work and every call shares it.
import type { FeatureCollection, Geometry } from 'geojson';
import { readFgb } from './fgb.ts';

export interface EmbeddedData {
  layers: Record<'settlements' | 'borders' | 'kazakhstan' | 'neighbours' | 'lakes' | 'rivers' | 'water-labels', FeatureCollection<Geometry, Record<string, unknown>>>;
  raw: { settlements: ArrayBuffer; borders: ArrayBuffer };
}

async function fetchBytes(name: string): Promise<ArrayBuffer> {
  const res = await fetch(new URL(`data/${name}`, document.baseURI));
  if (!res.ok) throw new Error(`cannot load data/${name}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

const NAMES = ['settlements', 'borders', 'kazakhstan', 'neighbours', 'lakes', 'rivers', 'water-labels'] as const;
let loading: Promise<EmbeddedData> | null = null;

export function loadEmbedded(): Promise<EmbeddedData> {
  loading ??= (async () => {
    const buffers = await Promise.all(NAMES.map((n) => fetchBytes(`${n}.fgb`)));
    performance.mark('auyl:data fetched');
    const decoded = await Promise.all(buffers.map((b) => readFgb(new Uint8Array(b))));
    const layers = Object.fromEntries(NAMES.map((n, i) => [n, decoded[i]])) as EmbeddedData['layers'];
    // The settlements are numbered by their position, the worker's row (the map's feature id, see settlement-paint).
    layers.settlements.features.forEach((f, row) => (f.properties.row = row));
    return { layers, raw: { settlements: buffers[0].slice(0), borders: buffers[1].slice(0) } };
  })();
  return loading;
}

// Fetches the embedded dataset from the app's own origin (./data/*.fgb) and decodes it.
import type { FeatureCollection, Geometry } from 'geojson';
import { readFgb } from '../io/fgb.ts';

export interface EmbeddedData {
  layers: Record<'settlements' | 'borders' | 'kazakhstan' | 'neighbours' | 'lakes' | 'rivers' | 'water-labels', FeatureCollection<Geometry, Record<string, unknown>>>;
  raw: { settlements: ArrayBuffer; borders: ArrayBuffer };
}

async function fetchBytes(name: string): Promise<ArrayBuffer> {
  const res = await fetch(new URL(`data/${name}`, document.baseURI));
  if (!res.ok) throw new Error(`cannot load data/${name}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

export async function loadEmbedded(): Promise<EmbeddedData> {
  const names = ['settlements', 'borders', 'kazakhstan', 'neighbours', 'lakes', 'rivers', 'water-labels'] as const;
  const buffers = await Promise.all(names.map((n) => fetchBytes(`${n}.fgb`)));
  const decoded = await Promise.all(buffers.map((b) => readFgb(new Uint8Array(b))));
  const layers = Object.fromEntries(names.map((n, i) => [n, decoded[i]])) as EmbeddedData['layers'];
  return { layers, raw: { settlements: buffers[0].slice(0), borders: buffers[1].slice(0) } };
}

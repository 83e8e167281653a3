// The floor of `npm run bench`'s first_view figure: an empty MapLibre map (one background layer), built and served
// the way the app is, with the same map size and the same test hook (`window.__auyl.ready` on the first idle).
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
const map = new MapLibreMap({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#a9cbe0' } }] },
  bounds: [[46.4, 40.5], [87.4, 55.5]],
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
const hook = { map, ready: false };
(window as unknown as { __auyl: typeof hook }).__auyl = hook;
map.once('idle', () => (hook.ready = true));

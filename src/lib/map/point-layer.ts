// The settlements of a very large register (POINT_LAYER_MIN rows and more) drawn by one MapLibre custom layer
// instead of a GeoJSON source: a million points as a GeoJSON source cost MapLibre's worker gigabytes (features,
// geojson-vt tiles, per-tile buckets) and a million feature-states more (measured: the tab passed 5 GB). Here the
// points are four GPU buffers — Web Mercator position (Float32 x, y), √population (radius), class code and flags
// (bytes) — drawn as GL points in one call; the class colours are a uniform array, so a recolour uploads one byte
// per point and a legend click only the flags. Picking (click, hover) is a KDBush index over the same positions.
// Same look as the feature-state layer (settlement-paint.ts): radius by population and zoom, support ring,
// selection ring, hidden classes and filtered-out rows not drawn. Labels: point-labels.ts, from this layer's index.
// Under software WebGL a frame of a million points costs about a second, and MapLibre draws frames for reasons of
// its own (label fades, other sources loading): the points are drawn into a texture and each frame composites it,
// drawing them again only when the camera, the canvas, the points or their classes changed. Nothing is drawn for
// new points until their classes arrive (the frames cost nothing while the worker assesses). At country zooms a
// million points overlap hundreds deep and software WebGL pays for every covered pixel (~2.5 s a frame measured
// at 1,000,000): where a screen-pixel grid of the points' extent fits THIN_GRID_MAX cells, only the topmost visible
// point of each pixel (at the next whole zoom, so cells are never wider than a pixel) is drawn; the ones skipped
// lie within a pixel of a point drawn over them. Draw order is the GeoJSON layer's (larger places first, smaller on
// top); the selected point is drawn last, on top.
import KDBush from 'kdbush';
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { SELECTED_RING, SUPPORT_RING } from './settlement-paint.ts';
import type { LabelIndex } from './point-labels.ts';

/** From this many map rows the settlements are drawn by this layer. Below it the GeoJSON + feature-state layer
 *  (labels, MapLibre's own hit testing) is kept: it reached the idle map at 100,000 rows in ~3.4 s, while at
 *  1,000,000 the tab went past 5 GB; 150,000 keeps every size that path was measured at on it. */
export const POINT_LAYER_MIN = 150_000;

/** Flag bits per point. */
const HIDDEN = 1, SUPPORT = 2, SELECTED = 4;
/** Largest screen-pixel grid (cells) for thinning; beyond it (close zooms, where points rarely overlap) all are drawn. */
const THIN_GRID_MAX = 4 << 20;
/** Most classes a colour mode has (graduated modes: up to 9 classes and "no data"). */
const MAX_CLASSES = 32;

const VERTEX = `#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform float u_zoom;
uniform float u_pixel_ratio;
uniform vec4 u_colours[${MAX_CLASSES}];
in vec2 a_pos;
in float a_sqrt_pop;
in float a_code;
in float a_flags;
out vec4 v_colour;
out float v_radius;
out float v_stroke;
out float v_ring;
// circle-radius of style.ts: by √population, interpolated between zoom 3 and 8
float radiusAt(vec4 stops, float s) {
  // stops: radius at √pop 0, 30, 300, 1400
  if (s <= 30.0) return mix(stops.x, stops.y, s / 30.0);
  if (s <= 300.0) return mix(stops.y, stops.z, (s - 30.0) / 270.0);
  return mix(stops.z, stops.w, min((s - 300.0) / 1100.0, 1.0));
}
void main() {
  int flags = int(a_flags + 0.5);
  if ((flags & ${HIDDEN}) != 0) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  float t = clamp((u_zoom - 3.0) / 5.0, 0.0, 1.0);
  float r = mix(radiusAt(vec4(2.0, 2.5, 5.0, 11.0), a_sqrt_pop), radiusAt(vec4(4.0, 5.0, 10.0, 22.0), a_sqrt_pop), t);
  bool selected = (flags & ${SELECTED}) != 0, support = (flags & ${SUPPORT}) != 0;
  v_stroke = selected ? 3.5 : support ? 2.4 : 0.6;
  v_ring = selected ? 2.0 : support ? 1.0 : 0.0;
  v_radius = r + v_stroke;
  v_colour = u_colours[int(a_code + 0.5)];
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_PointSize = 2.0 * (v_radius + 1.0) * u_pixel_ratio;
}`;

const QUAD_VERTEX = `#version 300 es
in vec2 a_corner;
out vec2 v_uv;
void main() {
  v_uv = (a_corner + 1.0) / 2.0;
  gl_Position = vec4(a_corner, 0.0, 1.0);
}`;

const QUAD_FRAGMENT = `#version 300 es
precision mediump float;
uniform sampler2D u_points;
in vec2 v_uv;
out vec4 fragColor;
void main() {
  fragColor = texture(u_points, v_uv);
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform vec3 u_rings[3];
in vec4 v_colour;
in float v_radius;
in float v_stroke;
in float v_ring;
out vec4 fragColor;
void main() {
  // distance from the centre in CSS pixels (the point covers radius + 1 px of antialiasing)
  float d = length(gl_PointCoord - 0.5) * 2.0 * (v_radius + 1.0);
  float outer = 1.0 - smoothstep(v_radius - 0.5, v_radius + 0.5, d);
  if (outer <= 0.0) discard;
  float inner = v_radius - v_stroke;
  float fill = 1.0 - smoothstep(inner - 0.5, inner + 0.5, d);
  vec3 ring = u_rings[int(v_ring + 0.5)];
  vec3 rgb = mix(ring, v_colour.rgb, fill);
  float a = outer * mix(1.0, 0.92, fill);
  fragColor = vec4(rgb * a, a);
}`;

function parseColour(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.split('').map((c) => c + c).join('') : h.slice(0, 6);
  const v = parseInt(full, 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

/** Ring colours by the shader's v_ring: default stroke, support, selected (settlement-paint.ts). */
const RINGS = new Float32Array([...parseColour('#5a5a5a'), ...parseColour(SUPPORT_RING), ...parseColour(SELECTED_RING)]);

export interface PointRows {
  lon: Float64Array;
  lat: Float64Array;
  population: Float64Array;
}

export class PointLayer implements CustomLayerInterface {
  readonly id: string;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MapLibreMap | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  /** The points drawn once into a texture, composited each frame until `drawnKey` changes. */
  private quad: { program: WebGLProgram; vao: WebGLVertexArrayObject; buffer: WebGLBuffer; sampler: WebGLUniformLocation | null } | null = null;
  private target: { fb: WebGLFramebuffer; tex: WebGLTexture; w: number; h: number } | null = null;
  private drawnKey = '';
  /** Bumped on every change of what is drawn. */
  private version = 0;
  private buffers: { pos: WebGLBuffer; size: WebGLBuffer; code: WebGLBuffer; flags: WebGLBuffer; kept: WebGLBuffer } | null = null;
  /** The points' extent in Mercator units. */
  private extent = [0, 0, 0, 0];
  /** Thinning: the grid (reused), the kept rows, and what the element buffer holds. */
  private grid: Uint32Array | null = null;
  private kept = new Uint32Array(0);
  /** Draw order (as the GeoJSON layer's circle-sort-key: larger population first, so smaller places on top; then
   *  row order) and each row's place in it. */
  private order: Uint32Array = new Uint32Array(0);
  private rank: Uint32Array = new Uint32Array(0);
  private keptKey = '';
  private keptCount = 0;
  private uniforms: Record<string, WebGLUniformLocation | null> = {};
  /** Web Mercator x, y per point (0..1). */
  private pos = new Float32Array(0);
  private sqrtPop = new Float32Array(0);
  private codes = new Uint8Array(0);
  private flags = new Uint8Array(0);
  private colours = new Float32Array(MAX_CLASSES * 4);
  private index: KDBush | null = null;
  private dirty = { pos: false, codes: false, flags: false };
  private selected = -1;
  private rows: PointRows | null = null;
  private classes: Parameters<PointLayer['setClasses']> | null = null;

  constructor(id = 'settlement-points') {
    this.id = id;
  }

  get size(): number {
    return this.codes.length;
  }

  /** New points (a new register): positions, radii, picking index; every point drawn in the no-data colour until
   *  `setClasses`. */
  setPoints(rows: PointRows) {
    const n = rows.lon.length;
    this.rows = rows;
    this.classes = null;
    this.pos = new Float32Array(2 * n);
    this.sqrtPop = new Float32Array(n);
    this.index = new KDBush(n, 64, Float32Array);
    for (let i = 0; i < n; i++) {
      const x = (rows.lon[i] + 180) / 360;
      const s = Math.sin((rows.lat[i] * Math.PI) / 180);
      const y = 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
      this.pos[2 * i] = x;
      this.pos[2 * i + 1] = y;
      this.index.add(x, y);
      const p = rows.population[i];
      this.sqrtPop[i] = p > 0 ? Math.sqrt(p) : 0;
    }
    this.index.finish();
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = this.pos[2 * i], y = this.pos[2 * i + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    this.extent = [x0, y0, x1, y1];
    this.kept = new Uint32Array(n);
    this.keptKey = '';
    this.order = drawOrder(rows.population);
    this.rank = new Uint32Array(n);
    for (let k = 0; k < n; k++) this.rank[this.order[k]] = k;
    this.codes = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.selected = -1;
    this.dirty = { pos: true, codes: true, flags: true };
    this.version++;
    this.map?.triggerRepaint();
  }

  /** `colours[codes[i]]` is point i's colour; `hidden[code]` hides a class; `support[i]` rings a point; `keep[i] === 0`
   *  hides a point the filters leave out. Returns the number of points whose code or flags changed. */
  setClasses(codes: Uint8Array, colours: readonly string[], hidden: readonly boolean[], support: Uint8Array, keep?: Uint8Array): number {
    const n = this.codes.length;
    if (codes.length !== n) return 0; // results for other rows: the next ones follow
    this.classes = [codes, colours, hidden, support, keep];
    this.colours.fill(0);
    colours.slice(0, MAX_CLASSES).forEach((c, k) => this.colours.set([...parseColour(c), 1], 4 * k));
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      const f = (hidden[code] || (keep && !keep[i]) ? HIDDEN : 0) | (support[i] ? SUPPORT : 0) | (i === this.selected ? SELECTED : 0);
      if (code === this.codes[i] && f === this.flags[i]) continue;
      this.codes[i] = code;
      this.flags[i] = f;
      changed++;
    }
    this.dirty.codes = this.dirty.flags = true;
    this.version++;
    this.map?.triggerRepaint();
    return changed;
  }

  /** The same points and classes set again from scratch (positions, index, buffers): `npm run bench:import`'s
   *  floor, the drawing cost without an import. */
  reload() {
    const rows = this.rows, classes = this.classes, selected = this.selected;
    if (!rows) return;
    this.setPoints(rows);
    if (classes) this.setClasses(...classes);
    this.select(selected < 0 ? null : selected);
  }

  /** What point-labels.ts chooses the rows to label from (the index, the flags, the draw order); null with no
   *  points or before their classes arrive (nothing is drawn then). */
  labelIndex(): LabelIndex | null {
    if (!this.index || !this.classes || !this.codes.length) return null;
    return { index: this.index, flags: this.flags, hiddenBit: HIDDEN, order: this.order, rank: this.rank };
  }

  /** Rings one point (or none). */
  select(row: number | null) {
    if (this.selected >= 0 && this.selected < this.flags.length) this.flags[this.selected] &= ~SELECTED;
    this.selected = row ?? -1;
    if (this.selected >= 0 && this.selected < this.flags.length) this.flags[this.selected] |= SELECTED;
    this.dirty.flags = true;
    this.version++;
    this.map?.triggerRepaint();
  }

  /** The row drawn at the screen point (CSS pixels): of the visible points covering it, the one drawn on top (the
   *  selected one, else the last in draw order); -1 if none. */
  pick(x: number, y: number): number {
    const map = this.map;
    if (!map || !this.index || !this.codes.length) return -1;
    const worldSize = 512 * Math.pow(2, map.getZoom());
    const lngLat = map.unproject([x, y]);
    const mx = (lngLat.lng + 180) / 360;
    const s = Math.sin((lngLat.lat * Math.PI) / 180);
    const my = 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
    // the largest radius drawn at this zoom, plus the widest ring
    const t = Math.min(Math.max((map.getZoom() - 3) / 5, 0), 1);
    const maxR = 11 + (22 - 11) * t + 3.5;
    // the point drawn on top there: the selected one, else the last in draw order
    let best = -1;
    for (const i of this.index.within(mx, my, maxR / worldSize)) {
      if (this.flags[i] & HIDDEN || (best === this.selected && best >= 0) || (best >= 0 && this.rank[i] < this.rank[best] && i !== this.selected)) continue;
      const sp = this.sqrtPop[i];
      const r = radiusAt(sp, 3) * (1 - t) + radiusAt(sp, 8) * t + (this.flags[i] & SELECTED ? 3.5 : this.flags[i] & SUPPORT ? 2.4 : 0.6);
      const dx = (this.pos[2 * i] - mx) * worldSize, dy = (this.pos[2 * i + 1] - my) * worldSize;
      if (Math.hypot(dx, dy) <= r) best = i;
    }
    return best;
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext) {
    this.map = map;
    this.gl = gl;
    const program = link(gl, VERTEX, FRAGMENT);
    this.program = program;
    for (const u of ['u_matrix', 'u_zoom', 'u_pixel_ratio', 'u_colours', 'u_rings']) this.uniforms[u] = gl.getUniformLocation(program, u);
    this.buffers = { pos: gl.createBuffer()!, size: gl.createBuffer()!, code: gl.createBuffer()!, flags: gl.createBuffer()!, kept: gl.createBuffer()! };
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    const attrib = (p: WebGLProgram, name: string, buffer: WebGLBuffer, size: number, type: number) => {
      const loc = gl.getAttribLocation(p, name);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, type, false, 0, 0);
    };
    attrib(program, 'a_pos', this.buffers.pos, 2, gl.FLOAT);
    attrib(program, 'a_sqrt_pop', this.buffers.size, 1, gl.FLOAT);
    attrib(program, 'a_code', this.buffers.code, 1, gl.UNSIGNED_BYTE);
    attrib(program, 'a_flags', this.buffers.flags, 1, gl.UNSIGNED_BYTE);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.buffers.kept);
    const quadProgram = link(gl, QUAD_VERTEX, QUAD_FRAGMENT);
    const quadBuffer = gl.createBuffer()!;
    const quadVao = gl.createVertexArray()!;
    gl.bindVertexArray(quadVao);
    gl.bindBuffer(gl.ARRAY_BUFFER, quadBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    attrib(quadProgram, 'a_corner', quadBuffer, 2, gl.FLOAT);
    this.quad = { program: quadProgram, vao: quadVao, buffer: quadBuffer, sampler: gl.getUniformLocation(quadProgram, 'u_points') };
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    // a new context: every buffer uploaded again
    this.dirty = { pos: true, codes: true, flags: true };
    this.drawnKey = this.keptKey = this.uploadedKept = '';
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext) {
    if (this.buffers) for (const b of Object.values(this.buffers)) gl.deleteBuffer(b);
    if (this.vao) gl.deleteVertexArray(this.vao);
    if (this.program) gl.deleteProgram(this.program);
    if (this.quad) {
      gl.deleteBuffer(this.quad.buffer);
      gl.deleteVertexArray(this.quad.vao);
      gl.deleteProgram(this.quad.program);
    }
    if (this.target) {
      gl.deleteFramebuffer(this.target.fb);
      gl.deleteTexture(this.target.tex);
    }
    this.buffers = null;
    this.vao = null;
    this.program = null;
    this.quad = null;
    this.target = null;
    this.map = null;
    this.gl = null;
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
    const n = this.codes.length;
    // new points wait for their classes (the worker's first result) before anything is drawn
    if (!n || !this.classes || !this.program || !this.buffers || !this.quad || !this.map) return;
    const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
    const matrix = options.defaultProjectionData.mainMatrix as ArrayLike<number>;
    const key = `${this.version}|${w}x${h}|${this.map.getPixelRatio()}|${Array.prototype.join.call(matrix, ',')}`;
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.disable(gl.SCISSOR_TEST);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    if (key !== this.drawnKey) {
      const previous = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
      const viewport = gl.getParameter(gl.VIEWPORT) as Int32Array;
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.renderTarget(gl, w, h));
      gl.viewport(0, 0, w, h);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
      this.drawPoints(gl, matrix, n);
      gl.bindFramebuffer(gl.FRAMEBUFFER, previous);
      gl.viewport(viewport[0], viewport[1], viewport[2], viewport[3]);
      this.drawnKey = key;
    }
    gl.useProgram(this.quad.program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.target!.tex);
    gl.uniform1i(this.quad.sampler, 0);
    gl.bindVertexArray(this.quad.vao);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.bindVertexArray(null);
    gl.bindTexture(gl.TEXTURE_2D, null);
  }

  /** The texture the points are drawn into, the canvas' size. */
  private renderTarget(gl: WebGL2RenderingContext, w: number, h: number): WebGLFramebuffer {
    if (this.target && this.target.w === w && this.target.h === h) return this.target.fb;
    if (this.target) {
      gl.deleteFramebuffer(this.target.fb);
      gl.deleteTexture(this.target.tex);
    }
    const tex = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, w, h, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    for (const [k, v] of [[gl.TEXTURE_MIN_FILTER, gl.NEAREST], [gl.TEXTURE_MAG_FILTER, gl.NEAREST], [gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE], [gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE]]) gl.texParameteri(gl.TEXTURE_2D, k, v);
    const fb = gl.createFramebuffer()!;
    gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
    gl.bindTexture(gl.TEXTURE_2D, null);
    this.target = { fb, tex, w, h };
    return fb;
  }

  private drawPoints(gl: WebGL2RenderingContext, matrix: ArrayLike<number>, n: number) {
    const buffers = this.buffers!;
    const upload = (buffer: WebGLBuffer, data: ArrayBufferView) => {
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(gl.ARRAY_BUFFER, data, gl.DYNAMIC_DRAW);
    };
    if (this.dirty.pos) {
      upload(buffers.pos, this.pos);
      upload(buffers.size, this.sqrtPop);
    }
    if (this.dirty.codes) upload(buffers.code, this.codes);
    if (this.dirty.flags) upload(buffers.flags, this.flags);
    this.dirty = { pos: false, codes: false, flags: false };
    gl.useProgram(this.program);
    gl.uniformMatrix4fv(this.uniforms.u_matrix, false, matrix as Float32Array);
    gl.uniform1f(this.uniforms.u_zoom, this.map!.getZoom());
    gl.uniform1f(this.uniforms.u_pixel_ratio, this.map!.getPixelRatio());
    gl.uniform4fv(this.uniforms.u_colours, this.colours);
    gl.uniform3fv(this.uniforms.u_rings, RINGS);
    gl.bindVertexArray(this.vao);
    const kept = this.thinned(this.map!.getZoom());
    if (this.keptKey !== this.uploadedKept) {
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, this.kept.subarray(0, kept), gl.DYNAMIC_DRAW);
      this.uploadedKept = this.keptKey;
    }
    gl.drawElements(gl.POINTS, kept, gl.UNSIGNED_INT, 0);
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  private uploadedKept = '';

  /** The number of rows in `kept` to draw at this zoom, in draw order: thinned to the topmost visible point per
   *  screen pixel where the pixel grid fits, else every visible one. */
  private thinned(zoom: number): number {
    const grid = (this.grid ??= new Uint32Array(THIN_GRID_MAX));
    const key = `${fitsGrid(this.extent, zoom, grid.length) ? Math.ceil(zoom) : 'all'}|${this.version}`;
    if (key === this.keptKey) return this.keptCount;
    const m = thinToPixels(this.pos, this.flags, this.order, this.extent, zoom, this.selected, this.kept, grid);
    this.keptKey = key;
    this.keptCount = m;
    return m;
  }
}

function link(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const shader = (type: number, src: string) => {
    const s = gl.createShader(type)!;
    gl.shaderSource(s, src);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`point layer shader: ${gl.getShaderInfoLog(s)}`);
    return s;
  };
  const program = gl.createProgram()!;
  gl.attachShader(program, shader(gl.VERTEX_SHADER, vertex));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`point layer program: ${gl.getProgramInfoLog(program)}`);
  return program;
}

/** circle-radius of style.ts at zoom 3 or 8, by √population (the shader's radiusAt). */
function radiusAt(s: number, zoom: 3 | 8): number {
  const [a, b, c, d] = zoom === 3 ? [2, 2.5, 5, 11] : [4, 5, 10, 22];
  if (s <= 30) return a + ((b - a) * s) / 30;
  if (s <= 300) return b + ((c - b) * (s - 30)) / 270;
  return c + (d - c) * Math.min((s - 300) / 1100, 1);
}

/** Rows by draw order: larger population first (drawn under), then row order; no population counts as 0. */
export function drawOrder(population: ArrayLike<number>): Uint32Array {
  const n = population.length;
  // one numeric sort of packed keys (population · 2^21 + row, exact below 2^53), not a comparator over a million rows
  const ROW = 2 ** 21;
  if (n > ROW) return Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => (population[b] || 0) - (population[a] || 0) || a - b);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = -Math.min(Math.floor(population[i] > 0 ? population[i] : 0), 2 ** 31) * ROW + i;
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = ((keys[k] % ROW) + ROW) % ROW;
  return order;
}

/** Whether the screen-pixel grid over `extent` at the next whole zoom has at most `cells` cells. */
function fitsGrid(extent: readonly number[], zoom: number, cells: number): boolean {
  const scale = 512 * 2 ** Math.ceil(zoom);
  return (Math.floor((extent[2] - extent[0]) * scale) + 1) * (Math.floor((extent[3] - extent[1]) * scale) + 1) <= cells;
}

/**
 * The rows the point layer draws at `zoom`, in draw order (`order`), written to `out`; returns their number. Hidden
 * rows are left out and `selected` comes last. Where a grid of screen pixels at the next whole zoom over `extent`
 * ([x0, y0, x1, y1], Mercator 0..1) fits in `grid`, each pixel keeps only its topmost row (the last drawn).
 */
export function thinToPixels(pos: Float32Array, flags: Uint8Array, order: Uint32Array, extent: readonly number[], zoom: number, selected: number, out: Uint32Array, grid: Uint32Array): number {
  const n = flags.length;
  const top = selected >= 0 && selected < n && !(flags[selected] & HIDDEN) ? selected : -1;
  let m = 0;
  if (!fitsGrid(extent, zoom, grid.length)) {
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (i !== top && !(flags[i] & HIDDEN)) out[m++] = i;
    }
  } else {
    const scale = 512 * 2 ** Math.ceil(zoom);
    const [x0, y0, x1, y1] = extent;
    const w = Math.floor((x1 - x0) * scale) + 1, h = Math.floor((y1 - y0) * scale) + 1;
    grid.fill(0, 0, w * h);
    const cell = (i: number) => Math.floor((pos[2 * i] - x0) * scale) + Math.floor((pos[2 * i + 1] - y0) * scale) * w;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (!(flags[i] & HIDDEN)) grid[cell(i)] = i + 1;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (i !== top && !(flags[i] & HIDDEN) && grid[cell(i)] === i + 1) out[m++] = i;
    }
  }
  if (top >= 0) out[m++] = top;
  return m;
}

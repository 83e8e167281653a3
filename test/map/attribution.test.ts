// The map's corner credit is the sources line as text: MapLibre writes customAttribution as HTML, so text from
// files is escaped before it gets there.
import { describe, expect, it } from 'vitest';
import { attributionHtml } from '../../src/lib/map/attribution.ts';

describe('map attribution', () => {
  it('escapes what HTML would read, and leaves other text as it is', () => {
    expect(attributionHtml('Data: <img src=x onerror=alert(1)>.csv & "q" \'s')).toBe('Data: &lt;img src=x onerror=alert(1)&gt;.csv &amp; &quot;q&quot; &#39;s');
    expect(attributionHtml('Дереккөздер: Natural Earth; GeoNames (CC BY 4.0).')).toBe('Дереккөздер: Natural Earth; GeoNames (CC BY 4.0).');
  });
  it('round-trips through an HTML parser as the same text', () => {
    const text = 'a < b && c > "d" <script>x</script>';
    const decoded = attributionHtml(text).replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
    expect(decoded).toBe(text);
  });
});

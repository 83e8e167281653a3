// Colours of the base map. The China and Russia borders differ in hue and weight so a viewer (and a pixel
// test) tells them apart at a glance; neither is blue, which belongs to water.
export const PALETTE = {
  water: '#b9d3e6',
  waterLabel: '#2f5f86',
  river: '#7fb0d6',
  neighbour: '#e9e7e1',
  neighbourLine: '#b5b0a5',
  kazakhstan: '#fbf8ef',
  otherBorder: '#5b5b5b',
  chinaBorder: '#e0301e',
  russiaBorder: '#7a2fa8',
  label: '#1d2733',
  labelHalo: '#ffffff',
} as const;

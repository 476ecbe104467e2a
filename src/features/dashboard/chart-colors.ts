/** The dashboard's series colours (the brand green from globals.css, Tailwind's slate, amber and red). */
export const chartColors = {
  incoming: '#139650',
  outgoing: '#64748b',
  median: '#0f7a44',
  read: '#0f7a44',
  delivered: '#6ee7a5',
  sent: '#cbd5e1',
  failed: '#ef4444',
  connected: '#1fb865',
  disconnected: '#f59e0b',
  error: '#ef4444',
  unknown: '#e2e8f0',
  grid: '#e2e8f0',
  axis: '#64748b',
} as const

export const axisTick = { fontSize: 11, fill: chartColors.axis }

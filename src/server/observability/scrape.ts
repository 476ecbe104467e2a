/**
 * What a scrape of GET /metrics reads at that moment (gauges): sources registered at boot by the
 * composition root (background.ts), since some need the domain (the in-memory incoming buffer, settings)
 * and infrastructure may not import it. Each source runs under a deadline: a slow or failing source
 * (PostgreSQL or Redis down) never holds the scrape, its series are dropped for that scrape and
 * `soul_scrape_source_up{source}` says 0, which is itself what an alert wants to see.
 */
import { Gauge } from 'prom-client'
import { logger } from '../logger'
import { processSingleton } from '../process-singleton'
import { withTimeout } from '../redis'
import { metrics, type Metrics } from './metrics'

/** Sets the gauges it owns (after resetting them, so series that vanished vanish). */
export type ScrapeSource = (m: Metrics) => Promise<void>

const SOURCE_DEADLINE_MS = 2000

const sources = processSingleton('metrics-scrape-sources', () => new Map<string, ScrapeSource>())

const sourceUp = () =>
  processSingleton(
    'metrics-scrape-source-up',
    () =>
      new Gauge({
        name: 'soul_scrape_source_up',
        help: 'Whether a scrape-time source answered in time (1) or failed (0): database, redis, sessions',
        labelNames: ['source'] as const,
        registers: [metrics().registry],
      }),
  )

export function registerScrapeSource(name: string, source: ScrapeSource): void {
  sources.set(name, source)
}

/** Test helper and shutdown: forget every source. */
export function clearScrapeSources(): void {
  sources.clear()
}

/** Runs every source, then renders the registry in Prometheus' text format. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const m = metrics()
  const up = sourceUp()
  await Promise.all(
    [...sources].map(async ([name, source]) => {
      try {
        await withTimeout(source(m), SOURCE_DEADLINE_MS, `metrics source ${name} did not answer in time`)
        up.set({ source: name }, 1)
      } catch (err) {
        up.set({ source: name }, 0)
        logger.warn({ source: name, err: (err as Error).message }, 'metrics source failed')
      }
    }),
  )
  return { contentType: m.registry.contentType, body: await m.registry.metrics() }
}

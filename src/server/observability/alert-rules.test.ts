/**
 * docs/operations.md's alert rules are data: the YAML block parses as a Prometheus rule file, holds the
 * alerts the issue asks for (session down, queue backlog, backlog not draining, governor paused,
 * Chromium memory), each with a runbook that exists in the document, and names only metrics we expose.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { metrics } from './metrics'

interface Rule {
  alert: string
  expr: string
  for?: string
  labels?: { severity?: string }
  annotations?: { summary?: string; runbook?: string }
}

const doc = readFileSync(join(process.cwd(), 'docs/operations.md'), 'utf8')
const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, unknown>)
const ruleFile = blocks.find((b) => 'groups' in b) as { groups: { name: string; rules: Rule[] }[] } | undefined

/** The anchors a Markdown renderer gives the document's headings. */
const anchors = new Set(
  [...doc.matchAll(/^#{1,4} (.+)$/gm)].map((m) =>
    m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-'),
  ),
)

describe('docs/operations.md alert rules', () => {
  it('parse as a Prometheus rule file', () => {
    expect(ruleFile?.groups.length).toBeGreaterThan(0)
    for (const group of ruleFile!.groups) {
      expect(group.name).toBeTruthy()
      for (const rule of group.rules) {
        expect(rule.alert).toMatch(/^[A-Za-z][A-Za-z0-9]*$/)
        expect(rule.expr.trim()).not.toBe('')
        expect(rule.for).toMatch(/^\d+[smh]$/)
        expect(['page', 'ticket']).toContain(rule.labels?.severity)
        expect(rule.annotations?.summary).toBeTruthy()
      }
    }
  })

  it('cover a session down for 5 minutes, a growing backlog, a spool not draining, the governor and Chromium memory', () => {
    const rules = ruleFile!.groups.flatMap((g) => g.rules)
    const byName = new Map(rules.map((r) => [r.alert, r]))
    expect(byName.get('SoulWhatsAppSessionDown')?.for).toBe('5m')
    for (const name of ['SoulQueueBacklogGrowing', 'SoulBacklogNotDraining', 'SoulGovernorPaused', 'SoulChromiumMemoryHigh'])
      expect(byName.has(name), name).toBe(true)
    expect(byName.get('SoulBacklogNotDraining')!.expr).toContain('spool_bytes')
  })

  it('each point at a runbook section of the document', () => {
    for (const rule of ruleFile!.groups.flatMap((g) => g.rules)) {
      const anchor = rule.annotations?.runbook?.split('#')[1]
      expect(anchor, rule.alert).toBeTruthy()
      expect(anchors.has(anchor!), `${rule.alert} → #${anchor}`).toBe(true)
    }
  })

  it('name only metrics the server exposes', async () => {
    const exposed = new Set((await metrics().registry.getMetricsAsJSON()).map((m) => m.name))
    exposed.add('soul_scrape_source_up') // registered with the first scrape (observability/scrape.ts)
    for (const rule of ruleFile!.groups.flatMap((g) => g.rules)) {
      for (const name of rule.expr.match(/\b(?:soul|nodejs|process)_[a-z_]+\b/g) ?? []) {
        const base = name.replace(/_(bucket|count|sum)$/, '')
        expect(exposed.has(name) || exposed.has(base), `${rule.alert}: ${name}`).toBe(true)
      }
    }
  })
})

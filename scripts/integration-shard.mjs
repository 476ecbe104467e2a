#!/usr/bin/env node
/**
 * The integration test files of one shard, balanced by how long each file took (longest first, each to
 * the shard with the least time so far). Vitest's own --shard splits by file count, which left one shard
 * 100 s longer than the other. Durations (seconds) come from a run's JSON reports; a file not in the
 * table counts as the median. Prints the shard's files, one per line.
 *
 *   node scripts/integration-shard.mjs 1 2                        the first of two shards
 *   node scripts/integration-shard.mjs --update test-reports/integration-*.json   refresh the table
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const table = new URL('./integration-durations.json', import.meta.url)
const root = process.cwd()

if (process.argv[2] === '--update') {
  const durations = {}
  for (const report of process.argv.slice(3)) {
    for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults) {
      durations[relative(root, file.name)] = Math.round((file.endTime - file.startTime) / 100) / 10
    }
  }
  const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)))
  writeFileSync(table, `${JSON.stringify(sorted, null, 2)}\n`)
  process.exit(0)
}

const shard = Number(process.argv[2])
const count = Number(process.argv[3])
if (!Number.isInteger(shard) || !Number.isInteger(count) || shard < 1 || shard > count) {
  console.error('usage: integration-shard.mjs <shard> <count>')
  process.exit(2)
}

const files = readdirSync(join(root, 'src'), { recursive: true })
  .map((file) => join('src', String(file)))
  .filter((file) => file.endsWith('.int.test.ts'))
  .sort()
const known = JSON.parse(readFileSync(table, 'utf8'))
const values = Object.values(known).sort((a, b) => a - b)
const median = values.length ? values[Math.floor(values.length / 2)] : 5
// Each file also costs its imports and setup (about 2.5 s here) whatever its tests take.
const costOf = (file) => (known[file] ?? median) + 2.5

const shards = Array.from({ length: count }, () => ({ time: 0, files: [] }))
for (const file of [...files].sort((a, b) => costOf(b) - costOf(a) || a.localeCompare(b))) {
  const lightest = shards.reduce((best, s) => (s.time < best.time ? s : best))
  lightest.time += costOf(file)
  lightest.files.push(file)
}
process.stdout.write(`${shards[shard - 1].files.join('\n')}\n`)

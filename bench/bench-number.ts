/** A bench knob from the environment (BENCH_N, BENCH_ORGS, ...): a positive whole number, or the fallback when unset. */
export function benchNumber(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`)
  return value
}

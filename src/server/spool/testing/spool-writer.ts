/**
 * A child process for the kill -9 test (file-spool-kill.test.ts): appends numbered records to a spool in
 * `argv[2]` as fast as it can and prints each number once append() resolved (fsynced), until killed.
 */
import { FileSpool } from '../file-spool'

const dir = process.argv[2]
if (!dir) throw new Error('usage: spool-writer <dir>')
const spool = new FileSpool<{ n: number; text: string }>({ dir, name: 'kill.spool', maxBytes: 512 * 1024 * 1024 })
for (let n = 1; ; n++) {
  await spool.append({ n, text: `Сообщение ${n} 👋 ${'ж'.repeat(n % 200)}` })
  process.stdout.write(`${n}\n`)
}

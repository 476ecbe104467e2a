/**
 * A hostile .zip for tests and benches: one `_chat.txt` entry whose header claims `claimedBytes` but
 * which inflates to `inflatedBytes` (deflate of one repeated byte: about 1 MB of zip per 1 GB).
 */
import { createDeflateRaw } from 'node:zlib'

async function deflateRepeated(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    deflate.once('end', resolve)
    deflate.once('error', reject)
  })
  const block = Buffer.alloc(1024 * 1024, 0x61)
  for (let left = bytes; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left)
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return Buffer.concat(out)
}

export async function zipBomb({ inflatedBytes, claimedBytes = 100, name = '_chat.txt' }: { inflatedBytes: number; claimedBytes?: number; name?: string }) {
  const data = await deflateRepeated(inflatedBytes)
  const fileName = Buffer.from(name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4) // version needed
  local.writeUInt16LE(0, 6) // flags
  local.writeUInt16LE(8, 8) // deflate
  local.writeUInt32LE(0, 10) // time, date
  local.writeUInt32LE(0, 14) // crc32 (never checked before the cap is hit)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(claimedBytes, 22)
  local.writeUInt16LE(fileName.length, 26)
  local.writeUInt16LE(0, 28)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(0, 8)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(0, 12)
  central.writeUInt32LE(0, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(claimedBytes, 24)
  central.writeUInt16LE(fileName.length, 28)
  central.writeUInt16LE(0, 30) // extra
  central.writeUInt16LE(0, 32) // comment
  central.writeUInt16LE(0, 34) // disk
  central.writeUInt16LE(0, 36) // internal attributes
  central.writeUInt32LE(0, 38) // external attributes
  central.writeUInt32LE(0, 42) // local header offset
  const centralOffset = local.length + fileName.length + data.length
  const centralSize = central.length + fileName.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(centralOffset, 16)
  return Buffer.concat([local, fileName, data, central, fileName, end])
}

import { describe, expect, it } from 'vitest'
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password'

// Each hash takes 128 MiB and ~0.4 s on an idle core; give a loaded machine room.
describe('password hashing', { timeout: 60_000 }, () => {
  it('hashes at OWASP parameters (N=2^17, r=8, p=1), verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true)
    expect(hash).not.toContain('correct horse')
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(needsRehash(hash)).toBe(false)
  })

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'))
  })

  it('still verifies hashes made with the old parameters (N=2^14), and says they need a rehash', async () => {
    // Made by the previous hashPassword (N=16384): 'old password'.
    const old = 'scrypt$16384$8$1$CDr/SFCVWGCh715t3yVKqg==$9xzcjoqnUMYcCR5u89sk0/QoZBmBl/P962GtcV5vE0RAUfxOCXGjOLCArdH0X94fNeS4jF5gsCK7Dr4khSb2wA=='
    expect(needsRehash(old)).toBe(true)
    expect(await verifyPassword('old password', old)).toBe(true)
    expect(await verifyPassword('new password', old)).toBe(false)
  })

  it('refuses malformed stored hashes, and absurd parameters without allocating them', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false)
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$1$1$1$AA==$AA==')).toBe(false)
    expect(await verifyPassword('x', `scrypt$${2 ** 30}$8$1$AA==$AA==`)).toBe(false)
    expect(needsRehash('plain-text')).toBe(true)
  })

  it('the dummy check always fails', async () => {
    expect(await verifyAgainstDummy('dummy password for equal timing')).toBe(false)
  })
})

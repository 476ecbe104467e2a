/**
 * The browser's side of a new-message alert: the notification permission (asked once), a system
 * notification and a short chime (WebAudio, so no sound file to load). Browser-only; every function is
 * a no-op where the API is missing (older browsers, tests).
 */
const ASKED_KEY = 'soul.notifications.asked'
const LAST_ALERT_KEY = 'soul.notifications.last'

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window
}

/** Asks for the permission once per browser (a later "no" is the browser's to change, not ours to nag). */
export async function askPermissionOnce(force = false): Promise<NotificationPermission | null> {
  if (!notificationsSupported()) return null
  if (Notification.permission !== 'default') return Notification.permission
  if (!force && window.localStorage.getItem(ASKED_KEY)) return 'default'
  window.localStorage.setItem(ASKED_KEY, '1')
  return Notification.requestPermission()
}

/**
 * Claims a message for this tab: several open tabs hear the same event, one of them alerts. The
 * claim is a localStorage write (shared by the tabs of one browser).
 */
export function claimAlert(messageId: string): boolean {
  try {
    if (window.localStorage.getItem(LAST_ALERT_KEY) === messageId) return false
    window.localStorage.setItem(LAST_ALERT_KEY, messageId)
  } catch {
    // Storage disabled: alert anyway.
  }
  return true
}

/** A system notification; clicking it focuses the tab and opens the conversation. */
export function showNotification(options: { title: string; body: string; tag: string; onClick: () => void }): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return
  const notification = new Notification(options.title, { body: options.body, tag: options.tag, icon: '/icon.svg' })
  notification.onclick = () => {
    window.focus()
    options.onClick()
    notification.close()
  }
}

let audio: AudioContext | null = null

/**
 * Prepares the sound on a user gesture: browsers only let a page play audio it started after the
 * user interacted with it, so the context is created (or resumed) on the first click.
 */
export function unlockSound(): void {
  if (typeof window === 'undefined' || !('AudioContext' in window)) return
  audio ??= new AudioContext()
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined)
}

/** A short two-note chime (~0.3 s). */
export function playChime(): void {
  if (!audio || audio.state !== 'running') return
  const start = audio.currentTime
  for (const [i, frequency] of [880, 1320].entries()) {
    const oscillator = audio.createOscillator()
    const gain = audio.createGain()
    oscillator.type = 'sine'
    oscillator.frequency.value = frequency
    const t0 = start + i * 0.12
    gain.gain.setValueAtTime(0.0001, t0)
    gain.gain.exponentialRampToValueAtTime(0.15, t0 + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.18)
    oscillator.connect(gain).connect(audio.destination)
    oscillator.start(t0)
    oscillator.stop(t0 + 0.2)
  }
}

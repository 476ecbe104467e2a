import type { Metadata, Viewport } from 'next'
import { NextIntlClientProvider } from 'next-intl'
import { getLocale } from 'next-intl/server'
import { TRPCReactProvider } from '~/trpc/react'
import './globals.css'

// The icons and the manifest live in public/ so the app installs on a phone's home screen.
export const metadata: Metadata = {
  title: 'Soul CRM',
  description: 'WhatsApp CRM for small businesses',
  applicationName: 'Soul CRM',
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
  },
  appleWebApp: { capable: true, title: 'Soul CRM', statusBarStyle: 'default' },
}
// brand-700, the darker end of the logo's gradient (src/app/globals.css).
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f7a44' }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale()
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}

import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts')

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native parts or long-lived connections: loaded by Node, not bundled.
  serverExternalPackages: [
    'whatsapp-web.js',
    'puppeteer',
    'puppeteer-core',
    'bullmq',
    'ioredis',
    'pino',
    'pino-pretty',
    'pg',
    'unzipper',
    'archiver',
    'fs-extra',
  ],
}

export default withNextIntl(nextConfig)

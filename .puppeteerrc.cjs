// Never download Puppeteer's own browser: whatsapp-web.js runs on the system Chromium (CHROMIUM_PATH).
module.exports = { skipDownload: true }

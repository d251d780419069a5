/**
 * Puppeteer must not download its own browser: the machines that build the reports have no network
 * except the package registries. The system Chromium (Debian `chromium`) is used instead, see
 * src/render/browser.ts. A user with internet and no Chromium can set PUPPETEER_SKIP_DOWNLOAD=0.
 */
module.exports = {
  skipDownload: process.env.PUPPETEER_SKIP_DOWNLOAD !== '0',
};

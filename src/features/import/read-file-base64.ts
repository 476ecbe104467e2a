/** The server takes chat exports up to 10 MB; bigger files are refused here, before uploading. */
export const MAX_EXPORT_BYTES = 10 * 1024 * 1024

/** A chat export is the .txt WhatsApp writes, or the .zip it makes when media are included. */
export const EXPORT_FILE_PATTERN = /\.(txt|zip)$/i

/** A file's bytes as base64 (without the data-URL prefix), read in the browser. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      // readAsDataURL always yields a string; anything else is a failed read.
      const url = reader.result
      if (typeof url !== 'string') return reject(new Error('read failed'))
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/**
 * Downloads a file the API serves (members as CSV or JSONL) with the page's API key: a plain
 * link could not send the key, so the file is fetched and handed to the browser as a blob.
 */

/**
 * @param {{ send: (method: string, path: string) => Promise<Response> }} api
 * @param {string} path
 * @param {string} filename what the browser saves it as
 * @returns {Promise<number>} the file's size in bytes
 */
export async function downloadFile(api, path, filename) {
  const res = await api.send('GET', path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return blob.size;
}

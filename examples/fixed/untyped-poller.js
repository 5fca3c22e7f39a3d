// Plain JavaScript, no type information: the plugin still knows the global `fetch` by name. The
// loop is left on "done" without reading the final answer.
// expect: drain/no-unconsumed-body at 11:23

/**
 * @param {string} jobUrl
 * @returns {Promise<void>}
 */
export async function waitForJob(jobUrl) {
  for (let i = 0; i < 60; i++) {
    const res = await fetch(jobUrl);
    if (res.status === 200) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      break;
    }
    await res.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

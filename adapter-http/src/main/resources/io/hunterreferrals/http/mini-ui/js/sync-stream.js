// Follows the server's sync status: the event stream (server-sent events read with fetch, so the API key header
// can be sent), and polling of /sync/status whenever the stream is down. Calls onStatus with each status body.
import { authHeaders, get, paths } from './api.js';
import { askForApiKey } from './api-key.js';

const POLL_MS = 3000;
const RETRY_STREAM_MS = 15000;

/** Splits an SSE byte stream into {event, data} messages. */
async function readEvents(body, onMessage) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onMessage(event, data.join('\n'));
    }
  }
}

export function followSyncStatus(onStatus, onMode = () => {}) {
  let pollTimer = null;
  let stopped = false;

  const poll = async () => {
    try {
      onStatus(await get(paths.syncStatus));
    } catch {
      // keep the last state; the next poll tries again
    }
  };
  const startPolling = () => {
    if (pollTimer || stopped) return;
    onMode('polling');
    poll();
    pollTimer = setInterval(poll, POLL_MS);
  };
  const stopPolling = () => {
    clearInterval(pollTimer);
    pollTimer = null;
  };

  const connect = async () => {
    if (stopped) return;
    try {
      const response = await fetch(paths.syncEvents, {
        headers: { Accept: 'text/event-stream', ...authHeaders() }, cache: 'no-store',
      });
      if (response.status === 401) {
        startPolling(); // polling goes through request(), which asks for the key
        if (await askForApiKey(Object.keys(authHeaders()).length > 0)) connect();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
      stopPolling();
      onMode('stream');
      await readEvents(response.body, (event, data) => {
        if (event === 'status') onStatus(JSON.parse(data));
      });
    } catch {
      // the server restarted, a proxy cut the stream, or the browser went offline
    }
    startPolling();
    setTimeout(connect, RETRY_STREAM_MS);
  };

  connect();
  return () => { stopped = true; stopPolling(); };
}

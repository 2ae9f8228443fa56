// The bundle's HTTP API, called from the same origin. Every call names its tenant in the query: without
// identity (ragfn.auth.mode=none, on loopback only) that decides it, with identity the token's tenant
// (sent along as a bearer token) must match. Errors come back as {kind, message}.
import { authorization } from './auth.js';

export class ApiError extends Error {
  constructor(status, kind, message) {
    super(message);
    this.status = status;
    this.kind = kind;
  }
}

function withTenant(path, tenant) {
  return path + (path.includes('?') ? '&' : '?') + 'tenant=' + encodeURIComponent(tenant);
}

async function failure(response) {
  let kind = 'HTTP_' + response.status;
  let message = response.statusText || 'request failed';
  try {
    const body = await response.json();
    kind = body.kind ?? kind;
    message = body.message ?? message;
  } catch {
    // Not a JSON error body: keep the status line.
  }
  return new ApiError(response.status, kind, message);
}

export async function call(tenant, method, path, body, headers = {}) {
  const auth = await authorization();
  const response = await fetch(withTenant(path, tenant), {
    method,
    headers: body === undefined ? { ...auth, ...headers } : { 'content-type': 'application/json', ...auth, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw await failure(response);
  }
  const text = await response.text();
  return { data: text ? JSON.parse(text) : null, etag: response.headers.get('etag') };
}

export const api = {
  knowledgeBases: (t) => call(t, 'GET', '/api/knowledge-bases').then((r) => r.data),
  createKnowledgeBase: (t, kb) => call(t, 'POST', '/api/knowledge-bases', kb).then((r) => r.data),
  deleteKnowledgeBase: (t, kb) => call(t, 'DELETE', `/api/knowledge-bases/${encodeURIComponent(kb)}`),
  documents: (t, kb) => call(t, 'GET', `/api/knowledge-bases/${encodeURIComponent(kb)}/documents?limit=200`).then((r) => r.data),
  deleteDocument: (t, kb, id) =>
    call(t, 'DELETE', `/api/knowledge-bases/${encodeURIComponent(kb)}/documents/${id.split('/').map(encodeURIComponent).join('/')}`),
  document: (t, kb, id) =>
    call(t, 'GET', `/api/knowledge-bases/${encodeURIComponent(kb)}/documents/${id.split('/').map(encodeURIComponent).join('/')}`).then((r) => r.data),
  assistants: (t) => call(t, 'GET', '/api/assistants').then((r) => r.data),
  assistant: (t, id) => call(t, 'GET', `/api/assistants/${encodeURIComponent(id)}`),
  createAssistant: (t, a) => call(t, 'POST', '/api/assistants', a).then((r) => r.data),
  updateAssistant: (t, id, a, etag) => call(t, 'PUT', `/api/assistants/${encodeURIComponent(id)}`, a, { 'if-match': etag }).then((r) => r.data),
  deleteAssistant: (t, id) => call(t, 'DELETE', `/api/assistants/${encodeURIComponent(id)}`),
  sessions: (t) => call(t, 'GET', '/api/sessions').then((r) => r.data),
  session: (t, id) => call(t, 'GET', `/api/sessions/${encodeURIComponent(id)}`).then((r) => r.data),
  deleteSession: (t, id) => call(t, 'DELETE', `/api/sessions/${encodeURIComponent(id)}`),
  /** The scopes the tenant has summaries of, by name (up to the largest page, more than a tenant has). */
  summaryScopes: (t) => call(t, 'GET', '/api/summaries/scopes?limit=1000').then((r) => r.data.scopes),
  /** A page of a scope's summaries, newest first: {summaries, next}; window (PT1H, P1D) keeps one schedule's. */
  summaries: (t, { scope, from, window, after, limit }) =>
    call(t, 'GET', '/api/summaries?' + new URLSearchParams(Object.entries({ scope, from, window, after, limit })
      .filter(([, v]) => v !== undefined && v !== null && v !== '')).toString()).then((r) => r.data),
  summary: (t, s) => call(t, 'GET', `/api/summaries/report?scope=${encodeURIComponent(s.scope)}`
    + `&windowStart=${encodeURIComponent(s.windowStart)}&windowEnd=${encodeURIComponent(s.windowEnd)}`).then((r) => r.data),
  /** One cited passage (a chat source's chunkId) of a document's current version. */
  chunk: (t, kb, id, chunkId) => call(t, 'GET', `/api/knowledge-bases/${encodeURIComponent(kb)}/documents/`
    + `${id.split('/').map(encodeURIComponent).join('/')}/chunks/${encodeURIComponent(chunkId)}`).then((r) => r.data),
};

/**
 * Fetches a file with the bearer token (a plain link would go without it and be refused once sign-in is on)
 * and hands it to the browser to save as `filename`.
 */
export async function download(tenant, path, filename) {
  const response = await fetch(withTenant(path, tenant), { headers: await authorization() });
  if (!response.ok) {
    throw await failure(response);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; keep the URL a moment longer for slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Uploads one file with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export async function upload(tenant, kb, file, onProgress) {
  const auth = await authorization();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withTenant(`/api/knowledge-bases/${encodeURIComponent(kb)}/documents`, tenant));
    Object.entries(auth).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the status says it all.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        reject(new ApiError(xhr.status, body?.kind ?? 'HTTP_' + xhr.status, body?.message ?? xhr.statusText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'the upload could not reach the server'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/**
 * POST /chat/stream and hand each Server-Sent Event to onEvent(name, data) as it arrives: token
 * events carry text, tool/done/error events JSON. Resolves when the stream ends.
 */
export async function streamChat(request, onEvent, signal) {
  const response = await fetch('/chat/stream', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(await authorization()) },
    body: JSON.stringify(request),
    signal,
  });
  if (!response.ok) {
    throw await failure(response);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end), onEvent);
      buffer = buffer.slice(end + 2);
    }
  }
  if (buffer.trim()) {
    dispatch(buffer, onEvent);
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      // The SSE format's one optional space after "data:" is dropped; chat-turn adds it before each
      // line of a token, so the token's own leading space is kept.
      const value = line.slice(5);
      data.push(value.startsWith(' ') ? value.slice(1) : value);
    }
  }
  const text = data.join('\n');
  onEvent(name, name === 'token' ? text : parse(text));
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

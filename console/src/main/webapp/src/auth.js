// Signing in: /api/identity says whether the server checks tokens. With mode oidc the console runs the
// authorization-code flow with PKCE against the issuer as a public client (no secret in the page) and
// keeps the tokens in sessionStorage, so they end with the tab; with mode none nobody signs in.

const STORE = 'ragfn.auth';
const PENDING = 'ragfn.auth.pending';
/** Renew a token this long before it expires, so no call leaves with one that expires on the way. */
const EARLY_SECONDS = 30;

let current = null; // { discovery, clientId, tokens }

function redirectUri() {
  return window.location.origin + window.location.pathname;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The claims of a JWT, read without checking it: the server checks every token it is sent. */
export function claims(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
}

async function getJson(url, init) {
  const response = await fetch(url, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}: ${body.error_description ?? body.message ?? body.error ?? ''}`);
  }
  return body;
}

async function tokenRequest(form) {
  const tokens = await getJson(current.discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: current.clientId, ...form }),
  });
  tokens.expiresAt = Date.now() / 1000 + tokens.expires_in;
  sessionStorage.setItem(STORE, JSON.stringify(tokens));
  current.tokens = tokens;
  return tokens;
}

async function redirectToLogin() {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  // The page to come back to: the hash route does not survive the issuer's redirect.
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: window.location.hash }));
  const query = new URLSearchParams({
    client_id: current.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  window.location.assign(`${current.discovery.authorization_endpoint}?${query}`);
  return new Promise(() => {}); // the page goes away
}

/** Back from the issuer with ?code=&state=: trade the code for tokens and put the URL back as it was. */
async function finishLogin(params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) {
    throw new Error(`sign-in failed: ${params.get('error_description') ?? params.get('error')}`);
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('sign-in failed: the answer does not belong to a sign-in this tab started');
  }
  await tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  window.history.replaceState(null, '', redirectUri() + (pending.hash || ''));
}

/**
 * Who uses the console: {mode: 'none'}, or {mode: 'oidc', user, tenant, roles} once signed in. Redirects
 * to the issuer's login page when there is no usable token (the promise then never settles).
 */
export async function signIn() {
  const identity = await getJson('/api/identity');
  if (identity.mode !== 'oidc') {
    return { mode: 'none' };
  }
  const discovery = await getJson(`${identity.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  current = { discovery, clientId: identity.clientId, tokens: JSON.parse(sessionStorage.getItem(STORE) ?? 'null') };
  const params = new URLSearchParams(window.location.search);
  if (params.has('code') || params.has('error')) {
    await finishLogin(params);
  }
  if (!(await accessToken())) {
    return redirectToLogin();
  }
  const token = claims(current.tokens.access_token);
  return { mode: 'oidc', user: token.preferred_username ?? token.sub, tenant: token.tenant, roles: token.roles ?? [] };
}

/** A valid access token (renewed with the refresh token when close to expiry), or null without identity or session. */
export async function accessToken() {
  if (!current?.tokens) {
    return null;
  }
  if (current.tokens.expiresAt - EARLY_SECONDS > Date.now() / 1000) {
    return current.tokens.access_token;
  }
  if (current.tokens.refresh_token) {
    try {
      return (await tokenRequest({ grant_type: 'refresh_token', refresh_token: current.tokens.refresh_token })).access_token;
    } catch {
      // The issuer's session ended: sign in again.
    }
  }
  sessionStorage.removeItem(STORE);
  current.tokens = null;
  return null;
}

/** Headers that carry the caller's token to ragfn, when there is one. */
export async function authorization() {
  if (!current) {
    return {};
  }
  const token = await accessToken();
  if (!token) {
    await redirectToLogin();
  }
  return { authorization: `Bearer ${token}` };
}

/** Ends the session at the issuer too, which sends the browser back to the console's sign-in. */
export function signOut() {
  const idToken = current.tokens?.id_token;
  sessionStorage.removeItem(STORE);
  const query = new URLSearchParams({ client_id: current.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) {
    query.set('id_token_hint', idToken);
  }
  window.location.assign(`${current.discovery.end_session_endpoint}?${query}`);
}

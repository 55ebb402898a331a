// Signing in: with Microsoft Entra ID through MSAL (the client id and scopes come from the server's
// configuration), or, on a server in demo mode, with a demo token the server makes for its demo partner tenant.

const DEMO_KEY = 'sales-insights.demo-token';
let settings = { demo: false };
let msalApp = null;
let account = null;

export async function start() {
    const response = await fetch(new URL('../api/console/settings', document.baseURI), { cache: 'no-store' });
    settings = await response.json();
    if (settings.entra) {
        msalApp = await loadMsal();
        const redirected = await msalApp.handleRedirectPromise();
        account = redirected?.account ?? msalApp.getAllAccounts()[0] ?? null;
    }
    return settings;
}

export function canUseDemo() {
    return settings.demo === true;
}

export function canUseEntra() {
    return Boolean(settings.entra);
}

export async function signInWithDemoToken() {
    const url = new URL('../api/demo/token', document.baseURI);
    url.searchParams.set('role', settings.adminRole);
    if (settings.demoTenantId) {
        url.searchParams.set('tenantId', settings.demoTenantId);
    }
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) {
        throw new Error('The server gave no demo token: demo tokens are only for callers on the server\'s own'
            + ' machine, in demo mode.');
    }
    const token = await response.json();
    sessionStorage.setItem(DEMO_KEY, JSON.stringify({
        accessToken: token.accessToken,
        expiresAt: Date.now() + token.expiresIn * 1000,
    }));
}

export async function signInWithEntra() {
    await msalApp.loginRedirect({ scopes: settings.entra.scopes });
}

/** Forgets a token the server refused. */
export function forget() {
    sessionStorage.removeItem(DEMO_KEY);
}

export async function signOut() {
    sessionStorage.removeItem(DEMO_KEY);
    if (msalApp && account) {
        const signedOut = account;
        account = null;
        await msalApp.logoutRedirect({ account: signedOut, postLogoutRedirectUri: location.href });
    }
}

function demoToken() {
    const stored = JSON.parse(sessionStorage.getItem(DEMO_KEY) ?? 'null');
    if (stored && stored.expiresAt > Date.now() + 30_000) {
        return stored.accessToken;
    }
    sessionStorage.removeItem(DEMO_KEY);
    return null;
}

/** The current access token, renewed as needed; null when signed out. */
export async function token() {
    const demo = demoToken();
    if (demo) {
        return demo;
    }
    if (!msalApp || !account) {
        return null;
    }
    try {
        const result = await msalApp.acquireTokenSilent({ scopes: settings.entra.scopes, account });
        return result.accessToken;
    } catch (error) {
        // the session ended or silent renewal failed (a timeout, blocked third-party cookies): sign in again
        await msalApp.acquireTokenRedirect({ scopes: settings.entra.scopes, account });
        throw error;
    }
}

/** Who is signed in, read from the token's claims (for display only: the server checks the token). */
export async function who() {
    const current = await token();
    if (!current) {
        return null;
    }
    try {
        const payload = current.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
        return { name: claims.name ?? claims.preferred_username ?? claims.oid, tenant: claims.tid,
            demo: Boolean(demoToken()) };
    } catch (ignored) {
        return { name: 'signed in', tenant: '', demo: Boolean(demoToken()) };
    }
}

function loadMsal() {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('lib/msal-browser/lib/msal-browser.min.js', document.baseURI).href;
        script.onload = async () => {
            const app = new window.msal.PublicClientApplication({
                auth: {
                    clientId: settings.entra.clientId,
                    authority: settings.entra.authority,
                    redirectUri: location.origin + location.pathname,
                },
                cache: { cacheLocation: 'sessionStorage' },
            });
            await app.initialize();
            resolve(app);
        };
        script.onerror = () => reject(new Error('The sign-in library did not load.'));
        document.head.append(script);
    });
}

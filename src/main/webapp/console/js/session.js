// Signing in and out as the page shows it, and attempt, through which the panels run what they do: a failure is shown
// in words, and a sign-in the server refused (401) brings the sign-in buttons back.

import * as auth from './auth.js';
import { $, clearMessage, fail, say } from './page.js';

export async function showSession() {
    const who = await auth.who().catch(() => null);
    $('#who').textContent = who ? `Signed in as ${who.name}${who.demo ? ' (demo)' : ''}` : '';
    $('#sign-in-demo').hidden = Boolean(who) || !auth.canUseDemo();
    $('#sign-in-entra').hidden = Boolean(who) || !auth.canUseEntra();
    $('#sign-out').hidden = !who;
    $('#workspace').hidden = !who;
    $('#signed-out').hidden = Boolean(who);
    if (!who && !auth.canUseDemo() && !auth.canUseEntra()) {
        $('#signed-out').textContent = 'Sign-in is not set up on this server: set insights.console.client-id (see'
            + ' docs/configuration.md).';
    }
}

/**
 * Runs work with the message cleared and shows its failure, unless onError (given the error) says it has shown it
 * already; resolves with what work resolved with, or undefined when it failed.
 */
export async function attempt(work, onError) {
    try {
        clearMessage();
        return await work();
    } catch (error) {
        if (error.status === 401) {
            auth.forget(); // refused or expired: offer sign-in again
            await showSession();
        }
        if (onError && onError(error)) {
            return undefined;
        }
        if (error.status === 400 && error.details) {
            error.unplaced = error.details;
        }
        fail(error);
        return undefined;
    }
}

/** The buttons that sign in (with a demo token or with Entra ID) and sign out. */
export function wireSession() {
    $('#sign-in-demo').addEventListener('click', () => attempt(async () => {
        await auth.signInWithDemoToken();
        await showSession();
        say('Signed in with a demo token.');
        $('#org-url').focus();
    }));
    $('#sign-in-entra').addEventListener('click', () => attempt(auth.signInWithEntra));
    $('#sign-out').addEventListener('click', () => attempt(async () => {
        await auth.signOut();
        await showSession();
        say('Signed out.');
    }));
}

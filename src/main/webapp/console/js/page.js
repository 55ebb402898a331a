// The page's shared pieces: finding an element, the status line, and the message that tells a failure in words, with
// the problems the API listed and maybe one way out.

import { explain } from './api.js';

export const $ = (selector) => document.querySelector(selector);

export function say(text) {
    $('#status').textContent = text;
}

export function clearMessage() {
    $('#message').hidden = true;
    $('#message-details').replaceChildren();
    $('#message-action').hidden = true;
}

/** Shows a failure: what happened, the problems by line or field the API listed, and maybe one way out. */
export function fail(error, action) {
    say('');
    $('#message-text').textContent = explain(error);
    const list = $('#message-details');
    list.replaceChildren();
    if (error.details && error.status !== 400) {
        // nothing by field to mark
    }
    for (const [where, problem] of Object.entries(error.unplaced ?? {})) {
        const item = document.createElement('li');
        item.textContent = typeof problem === 'string' ? `${where}: ${problem}`
            : `${where}: ${Object.entries(problem).map(([field, text]) => `${field} ${text}`).join('; ')}`;
        list.append(item);
    }
    const button = $('#message-action');
    button.hidden = !action;
    if (action) {
        button.textContent = action.label;
        button.onclick = async () => {
            clearMessage();
            await action.run();
        };
    }
    $('#message').hidden = false;
    $('#message').focus();
}

export function plural(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

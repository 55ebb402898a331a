// The Changes under the insight editor: who changed the insight, how and when, as its history lists them.

import { json } from './api.js';
import { $ } from './page.js';
import { state } from './state.js';
import { readable } from './text.js';

export async function drawHistory() {
    const changes = await json('GET', `admin/v1/insights/${state.editing.id}/history`);
    const list = $('#history-list');
    list.replaceChildren(...changes.map((change) => Object.assign(document.createElement('li'), {
        textContent: `${change.action.toLowerCase()} (version ${change.version}) by ${change.changedBy},`
            + ` ${readable(change.changedAt)}`,
    })));
}

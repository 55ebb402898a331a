// The open record's insights as a list: each with what curators should know of it (fed, hidden, pinned, when shown,
// its translations) and its buttons to edit it, move it up or down, and hide it from sellers or show it again.

import { json } from './api.js';
import { openEditor } from './editor.js';
import { $, say } from './page.js';
import { refreshPreview } from './preview.js';
import { closeRelatedEditor } from './related.js';
import { attempt } from './session.js';
import { state } from './state.js';
import { readable } from './text.js';

function validity(insight) {
    const now = Date.now();
    if (insight.visibleFrom && Date.parse(insight.visibleFrom) > now) {
        return `shown from ${readable(insight.visibleFrom)}`;
    }
    if (insight.visibleUntil && Date.parse(insight.visibleUntil) <= now) {
        return `ended ${readable(insight.visibleUntil)}`;
    }
    return insight.visibleUntil ? `shown until ${readable(insight.visibleUntil)}` : '';
}

export async function loadInsights() {
    state.insights = await json('GET', `admin/v1/records/${state.record.id}/insights`);
    const list = $('#insights');
    list.replaceChildren();
    state.insights.forEach((insight, index) => {
        const item = document.createElement('li');
        const heading = document.createElement('strong');
        heading.textContent = insight.title;
        const text = Object.assign(document.createElement('span'), { textContent: ` ${insight.description}` });
        const notes = [insight.source ? `fed by ${insight.source}: ${insight.externalId}` : '',
            insight.hidden ? 'hidden from sellers' : '', insight.pinned ? 'pinned' : '', validity(insight),
            Object.keys(insight.translations ?? {}).join(', ')].filter(Boolean).join(' · ');
        const meta = Object.assign(document.createElement('span'), { className: 'muted', textContent: notes
            ? ` (${notes})` : '' });
        const edit = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Edit' });
        edit.setAttribute('aria-label', `Edit ${insight.title}`);
        edit.addEventListener('click', () => openEditor(insight));
        const up = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Up',
            disabled: index === 0 });
        up.setAttribute('aria-label', `Move ${insight.title} up`);
        up.addEventListener('click', () => attempt(() => move(index, -1)));
        const down = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Down',
            disabled: index === state.insights.length - 1 });
        down.setAttribute('aria-label', `Move ${insight.title} down`);
        down.addEventListener('click', () => attempt(() => move(index, 1)));
        const hide = Object.assign(document.createElement('button'), { type: 'button',
            textContent: insight.hidden ? 'Show' : 'Hide' });
        hide.setAttribute('aria-label', `${insight.hidden ? 'Show' : 'Hide'} ${insight.title}`);
        hide.addEventListener('click', () => attempt(() => setHidden(insight, !insight.hidden)));
        const actions = Object.assign(document.createElement('span'), { className: 'actions' });
        actions.append(edit, up, down, hide);
        item.append(heading, text, meta, actions);
        list.append(item);
    });
}

/** Hides an insight from sellers or shows it again: the curators' choice, which a feed never changes. */
async function setHidden(insight, hidden) {
    await json('PUT', `admin/v1/insights/${insight.id}/hidden`, { body: { hidden }, ifMatch: insight.version });
    await loadInsights();
    await refreshPreview();
    say(hidden ? 'Hidden from sellers.' : 'Shown to sellers again.');
}

async function move(index, by) {
    const ids = state.insights.map((insight) => insight.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    const reordered = await json('PUT', `admin/v1/records/${state.record.id}/order`, { body: { insightIds: ids } });
    await loadInsights();
    if (state.editing) { // its version moved on if it moved: keep editing the current one
        const current = reordered.find((insight) => insight.id === state.editing.id);
        if (current && current.version !== state.editing.version) {
            openEditor(current);
        }
    }
    await refreshPreview();
    say('Order saved.');
    // keep the keyboard where it was: on the moved insight's button, or its Edit button at the list's end
    const item = $('#insights').children[index + by];
    const again = item?.querySelector(`button[aria-label^="Move"][aria-label$="${by < 0 ? 'up' : 'down'}"]`);
    (again && !again.disabled ? again : item?.querySelector('button'))?.focus();
}

/** The button that opens the editor on a new insight. */
export function wireInsights() {
    $('#new-insight').addEventListener('click', () => {
        closeRelatedEditor();
        openEditor(null);
    });
}

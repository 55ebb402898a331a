// The insight editor: a new insight of the open record or one of its insights, saved with the version read last (a
// stale one offers a reload) or deleted; opening an insight draws its translations and history below it.

import { call, json } from './api.js';
import { count, fillProperties, markFields, propertyRow, readProperties } from './fields.js';
import { drawHistory } from './history.js';
import { loadInsights } from './insights.js';
import { $, clearMessage, fail, say } from './page.js';
import { refreshPreview } from './preview.js';
import { listRecords } from './records.js';
import { attempt } from './session.js';
import { state } from './state.js';
import { fromLocalInput, readable, toLocalInput } from './text.js';
import { drawTranslations } from './translations.js';

/** "Version 3, changed 1 Dec 2026, 09:00 by ...", or "Version 1, seeded." for a row no curator has changed yet. */
export function versionLine(insight) {
    if (!insight.updatedAt) {
        return `Version ${insight.version}, seeded.`;
    }
    return `Version ${insight.version}, changed ${readable(insight.updatedAt)}${insight.updatedBy ? ` by ${insight.updatedBy}` : ''}.`;
}

export function openEditor(insight) {
    clearMessage();
    state.editingRelated = null; // one editor at a time
    $('#related-editor').hidden = true;
    state.editing = insight;
    const form = $('#insight-form');
    form.reset();
    markFields(form, 'f', {});
    $('#editor-title').textContent = insight ? `Edit: ${insight.title}` : 'New insight';
    $('#editor-version').textContent = insight ? versionLine(insight)
        : `For ${state.record.displayName || state.record.recordId}.`;
    $('#f-title').value = insight?.title ?? '';
    $('#f-description').value = insight?.description ?? '';
    $('#f-url').value = insight?.url ?? '';
    $('#f-dateTime').value = toLocalInput(insight?.dateTime);
    $('#f-language').value = insight?.language ?? '';
    $('#f-priority').value = insight?.priority ?? 0;
    $('#f-pinned').checked = insight?.pinned ?? false;
    $('#f-visibleFrom').value = toLocalInput(insight?.visibleFrom);
    $('#f-visibleUntil').value = toLocalInput(insight?.visibleUntil);
    $('#f-key').value = insight?.key ?? '';
    fillProperties($('#f-properties'), insight?.additionalProperties);
    document.querySelectorAll('#insight-form .count').forEach((counter) => count(
        document.getElementById(counter.id.replace(/-count$/, ''))));
    $('#delete-insight').hidden = !insight;
    $('#translations').hidden = !insight;
    $('#history').hidden = !insight;
    if (insight) {
        drawTranslations();
        attempt(drawHistory);
    }
    $('#editor').hidden = false;
    $('#f-title').focus();
}

export function closeEditor() {
    const wasOpen = !$('#editor').hidden;
    state.editing = null;
    $('#editor').hidden = true;
    if (wasOpen && !$('#record').hidden) {
        $('#new-insight').focus(); // not lost on the page's body
    }
}

function readInsight() {
    const text = (id) => {
        const value = $(id).value.trim();
        return value === '' ? undefined : value;
    };
    const priority = $('#f-priority').value.trim();
    return {
        key: text('#f-key'),
        title: $('#f-title').value,
        description: $('#f-description').value,
        url: text('#f-url'),
        dateTime: fromLocalInput($('#f-dateTime').value) ?? undefined,
        pinned: $('#f-pinned').checked,
        priority: priority === '' ? 0 : Number(priority),
        language: text('#f-language'),
        visibleFrom: fromLocalInput($('#f-visibleFrom').value) ?? undefined,
        visibleUntil: fromLocalInput($('#f-visibleUntil').value) ?? undefined,
        additionalProperties: readProperties($('#f-properties')),
    };
}

async function saveInsight() {
    const form = $('#insight-form');
    const body = readInsight();
    const editing = state.editing;
    const saved = await attempt(async () => (editing
        ? json('PUT', `admin/v1/insights/${editing.id}`, { body, ifMatch: editing.version })
        : json('POST', `admin/v1/records/${state.record.id}/insights`, { body })), (error) => {
        if (error.status === 400 && error.details) {
            const { unplaced, first } = markFields(form, 'f', error.details);
            error.unplaced = unplaced;
            fail(error);
            first?.focus();
            return true;
        }
        if (error.status === 412 && editing) {
            fail(error, { label: 'Reload the insight', run: () => attempt(async () => {
                openEditor(await json('GET', `admin/v1/insights/${editing.id}`));
                say('Reloaded: this is the insight as it is now.');
            }) });
            return true;
        }
        return false;
    });
    if (saved) {
        openEditor(saved);
        await loadInsights();
        await refreshPreview();
        if (!editing) {
            await listRecords(); // the record's count
        }
        say(`Saved "${saved.title}" (version ${saved.version}).`);
    }
}

async function deleteInsight() {
    const editing = state.editing;
    if (!editing || !window.confirm(`Delete "${editing.title}"? Sellers will no longer see it.`)) {
        return;
    }
    await attempt(async () => {
        await call('DELETE', `admin/v1/insights/${editing.id}`, { ifMatch: editing.version });
        closeEditor();
        await loadInsights();
        await refreshPreview();
        await listRecords();
        say(`Deleted "${editing.title}".`);
    }, (error) => {
        if (error.status === 412) {
            fail(error, { label: 'Reload the insight', run: () => attempt(async () => openEditor(
                await json('GET', `admin/v1/insights/${editing.id}`))) });
            return true;
        }
        return false;
    });
}

/** The insight's form and its Delete, Close and Add property buttons. */
export function wireEditor() {
    $('#insight-form').addEventListener('submit', (event) => {
        event.preventDefault();
        saveInsight();
    });
    $('#delete-insight').addEventListener('click', deleteInsight);
    $('#close-editor').addEventListener('click', closeEditor);
    $('#add-property').addEventListener('click', () => propertyRow($('#f-properties')).focus());
}

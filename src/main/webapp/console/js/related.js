// Related records, the record details card: the open record's list, and the editor of a new one or of one listed,
// saved with the version read last (a stale one offers a reload) or deleted. One editor is open at a time: opening
// this one closes the insight editor.

import { call, json } from './api.js';
import { closeEditor, versionLine } from './editor.js';
import { count, fillProperties, markFields, propertyRow, readProperties } from './fields.js';
import { $, clearMessage, fail, say } from './page.js';
import { refreshPreview } from './preview.js';
import { attempt } from './session.js';
import { state } from './state.js';

export async function loadRelated() {
    state.related = await json('GET', `admin/v1/records/${state.record.id}/related-records`);
    const list = $('#related-records');
    list.replaceChildren();
    for (const related of state.related) {
        const item = document.createElement('li');
        const heading = Object.assign(document.createElement('strong'), { textContent: related.recordTitle });
        const notes = [related.source ? `fed by ${related.source}` : '',
            `${related.recordTypeDisplayName} ${related.recordId}`, related.priority ? `priority ${related.priority}` : '',
            related.language ?? ''].filter(Boolean).join(' · ');
        const meta = Object.assign(document.createElement('span'), { className: 'muted', textContent: ` (${notes})` });
        const edit = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Edit' });
        edit.setAttribute('aria-label', `Edit ${related.recordTitle}`);
        edit.addEventListener('click', () => openRelatedEditor(related));
        const actions = Object.assign(document.createElement('span'), { className: 'actions' });
        actions.append(edit);
        item.append(heading, meta, actions);
        list.append(item);
    }
}

function openRelatedEditor(related) {
    clearMessage();
    closeEditor();
    state.editingRelated = related;
    const form = $('#related-form');
    form.reset();
    markFields(form, 'r', {});
    $('#related-editor-title').textContent = related ? `Edit: ${related.recordTitle}` : 'New related record';
    $('#related-version').textContent = related ? versionLine(related)
        : `Related to ${state.record.displayName || state.record.recordId}.`;
    for (const field of ['recordTitle', 'recordId', 'recordType', 'recordTypeDisplayName',
        'recordTypePluralDisplayName', 'url', 'language']) {
        $(`#r-${field}`).value = related?.[field] ?? '';
    }
    $('#r-priority').value = related?.priority ?? 0;
    fillProperties($('#r-properties'), related?.additionalProperties);
    count($('#r-recordTitle'));
    $('#delete-related').hidden = !related;
    $('#related-editor').hidden = false;
    $('#r-recordTitle').focus();
}

export function closeRelatedEditor() {
    const wasOpen = !$('#related-editor').hidden;
    state.editingRelated = null;
    $('#related-editor').hidden = true;
    if (wasOpen && !$('#record').hidden) {
        $('#new-related').focus();
    }
}

function readRelated() {
    const text = (id) => {
        const value = $(id).value.trim();
        return value === '' ? undefined : value;
    };
    const priority = $('#r-priority').value.trim();
    return {
        recordId: $('#r-recordId').value,
        recordType: $('#r-recordType').value,
        recordTypeDisplayName: $('#r-recordTypeDisplayName').value,
        recordTypePluralDisplayName: $('#r-recordTypePluralDisplayName').value,
        recordTitle: $('#r-recordTitle').value,
        url: text('#r-url'),
        language: text('#r-language'),
        priority: priority === '' ? 0 : Number(priority),
        additionalProperties: readProperties($('#r-properties')),
    };
}

async function saveRelated() {
    const form = $('#related-form');
    const body = readRelated();
    const editing = state.editingRelated;
    const saved = await attempt(async () => (editing
        ? json('PUT', `admin/v1/related-records/${editing.id}`, { body, ifMatch: editing.version })
        : json('POST', `admin/v1/records/${state.record.id}/related-records`, { body })), (error) => {
        if (error.status === 400 && error.details || error.status === 409 && error.details) {
            const { unplaced, first } = markFields(form, 'r', error.details);
            error.unplaced = unplaced;
            fail(error);
            first?.focus();
            return true;
        }
        if (error.status === 412 && editing) {
            fail(error, { label: 'Reload the related record', run: () => attempt(async () => {
                openRelatedEditor(await json('GET', `admin/v1/related-records/${editing.id}`));
                say('Reloaded: this is the related record as it is now.');
            }) });
            return true;
        }
        return false;
    });
    if (saved) {
        openRelatedEditor(saved);
        await loadRelated();
        await refreshPreview();
        say(`Saved "${saved.recordTitle}" (version ${saved.version}).`);
    }
}

async function deleteRelated() {
    const editing = state.editingRelated;
    if (!editing || !window.confirm(`Delete "${editing.recordTitle}"? Sellers will no longer see it.`)) {
        return;
    }
    await attempt(async () => {
        await call('DELETE', `admin/v1/related-records/${editing.id}`, { ifMatch: editing.version });
        closeRelatedEditor();
        await loadRelated();
        await refreshPreview();
        say(`Deleted "${editing.recordTitle}".`);
    }, (error) => {
        if (error.status === 412) {
            fail(error, { label: 'Reload the related record', run: () => attempt(async () => openRelatedEditor(
                await json('GET', `admin/v1/related-records/${editing.id}`))) });
            return true;
        }
        return false;
    });
}

/** The New related record button, the related record's form and its Delete, Close and Add property buttons. */
export function wireRelated() {
    $('#new-related').addEventListener('click', () => openRelatedEditor(null));
    $('#related-form').addEventListener('submit', (event) => {
        event.preventDefault();
        saveRelated();
    });
    $('#delete-related').addEventListener('click', deleteRelated);
    $('#close-related').addEventListener('click', closeRelatedEditor);
    $('#add-related-property').addEventListener('click', () => propertyRow($('#r-properties')).focus());
}

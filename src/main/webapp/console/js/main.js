// The console: find a record, edit its insights and their translations, import and export files, preview the
// card sellers see, and list the applications each tenant lets feed its organizations. Every change goes through the admin API with the version last read, so nobody's change is
// overwritten unseen; every error the API returns is shown in words, by field where it names one.

import * as auth from './auth.js';
import { call, json, useTokens } from './api.js';
import { count, fillProperties, markFields, propertyRow, readProperties, watchCounters } from './fields.js';
import { drawHistory } from './history.js';
import { $, clearMessage, fail, plural, say } from './page.js';
import { refreshPreview, wirePreview } from './preview.js';
import { attempt, showSession, wireSession } from './session.js';
import { state } from './state.js';
import { wireTenants } from './tenants.js';
import { fromLocalInput, readable, toLocalInput } from './text.js';

// ---- records --------------------------------------------------------------------------------------------------

async function listRecords() {
    const query = new URLSearchParams(state.org);
    state.records = await json('GET', `admin/v1/records?${query}`);
    localStorage.setItem('sales-insights.org', JSON.stringify(state.org));
    drawRecords();
}

function drawRecords() {
    const filter = $('#record-filter').value.trim().toLowerCase();
    const shown = state.records.filter((r) => !filter || [r.displayName, r.recordType, r.recordId]
        .some((text) => (text ?? '').toLowerCase().includes(filter)));
    const body = $('#records tbody');
    body.replaceChildren();
    for (const record of shown) {
        const row = document.createElement('tr');
        for (const text of [record.displayName || '(no name)', record.recordType, record.recordId,
            String(record.insightCount)]) {
            row.append(Object.assign(document.createElement('td'), { textContent: text }));
        }
        const open = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Open' });
        open.setAttribute('aria-label', `Open ${record.displayName || record.recordId}`);
        open.addEventListener('click', () => attempt(() => openRecord(record)));
        const cell = document.createElement('td');
        cell.append(open);
        row.append(cell);
        body.append(row);
    }
    $('#records-caption').textContent = `${shown.length} of ${state.records.length} records of ${state.org.orgUrl}`;
    $('#records').hidden = false;
}

async function addRecord(form) {
    const data = Object.fromEntries(new FormData(form));
    const record = await json('POST', 'admin/v1/records', { body: { ...state.org, ...data } });
    form.reset();
    await listRecords();
    await openRecord(record);
    say(`Record ${record.displayName || record.recordId} is ready for insights.`);
}

async function openRecord(record) {
    state.record = record;
    closeEditor();
    $('#record-title').textContent = `Insights of ${record.displayName || record.recordId}`
        + ` (${record.recordType} ${record.recordId})`;
    $('#record').hidden = false;
    $('#preview').hidden = false;
    closeRelatedEditor();
    await loadInsights();
    await loadRelated();
    await refreshPreview();
    $('#record-title').scrollIntoView({ block: 'nearest' });
}

// ---- insights -------------------------------------------------------------------------------------------------

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

async function loadInsights() {
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

/** "Version 3, changed 1 Dec 2026, 09:00 by ...", or "Version 1, seeded." for a row no curator has changed yet. */
function versionLine(insight) {
    if (!insight.updatedAt) {
        return `Version ${insight.version}, seeded.`;
    }
    return `Version ${insight.version}, changed ${readable(insight.updatedAt)}${insight.updatedBy ? ` by ${insight.updatedBy}` : ''}.`;
}

function openEditor(insight) {
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

function closeEditor() {
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

// ---- related records (the record details card) ----------------------------------------------------------------

async function loadRelated() {
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

function closeRelatedEditor() {
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

// ---- translations ---------------------------------------------------------------------------------------------

function drawTranslations() {
    const list = $('#translation-list');
    list.replaceChildren();
    for (const [language, words] of Object.entries(state.editing.translations ?? {})) {
        const item = document.createElement('li');
        item.append(Object.assign(document.createElement('span'), { textContent: `${language}: ${words.title} ` }));
        const edit = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Edit' });
        edit.setAttribute('aria-label', `Edit the ${language} translation`);
        edit.addEventListener('click', () => {
            $('#t-language').value = language;
            $('#t-title').value = words.title;
            $('#t-description').value = words.description;
            fillProperties($('#t-properties'), words.additionalProperties);
            ['#t-title', '#t-description'].forEach((id) => count($(id)));
            $('#t-title').focus();
        });
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Delete' });
        remove.setAttribute('aria-label', `Delete the ${language} translation`);
        remove.addEventListener('click', () => attempt(async () => {
            const updated = await json('DELETE', `admin/v1/insights/${state.editing.id}/translations/`
                + encodeURIComponent(language), { ifMatch: state.editing.version });
            openEditor(updated);
            await loadInsights();
            await refreshPreview();
            say(`Deleted the ${language} translation.`);
        }));
        item.append(edit, ' ', remove);
        list.append(item);
    }
}

async function saveTranslation() {
    const form = $('#translation-form');
    const language = $('#t-language').value.trim();
    if (!language) {
        markFields(form, 't', { language: 'is required, such as de or fr-CA.' });
        $('#t-language').focus();
        return;
    }
    const words = { title: $('#t-title').value, description: $('#t-description').value,
        additionalProperties: readProperties($('#t-properties')) };
    const updated = await attempt(() => json('PUT', `admin/v1/insights/${state.editing.id}/translations/`
        + encodeURIComponent(language), { body: words, ifMatch: state.editing.version }), (error) => {
        if (error.status === 400 && error.details) {
            const { unplaced, first } = markFields(form, 't', error.details);
            error.unplaced = unplaced;
            fail(error);
            first?.focus();
            return true;
        }
        return false;
    });
    if (updated) {
        form.reset();
        markFields(form, 't', {});
        $('#t-properties').replaceChildren();
        ['#t-title', '#t-description'].forEach((id) => count($(id)));
        openEditor(updated);
        await loadInsights();
        await refreshPreview();
        say(`Saved the ${language} translation (version ${updated.version}).`);
    }
}

// ---- import, export -------------------------------------------------------------------------------------------

async function importFile(form) {
    const file = $('#import-file').files[0];
    if (!file) {
        return;
    }
    const csv = file.name.toLowerCase().endsWith('.csv') || file.type === 'text/csv';
    const report = await attempt(() => json('POST', 'admin/v1/import', { body: file,
        contentType: csv ? 'text/csv' : 'application/json' }), (error) => {
        if (error.status === 400 && error.details) {
            error.unplaced = error.details; // by line: listed under the message
        }
        return false;
    });
    if (report) {
        form.reset();
        $('#import-report').textContent = `Imported ${file.name}: ${report.created} new, ${report.updated} changed,`
            + ` ${report.unchanged} already so; ${plural(report.recordsAdded, 'record')} added.`
            + (report.relatedRecords ? ` Related records: ${report.relatedRecords.created} new,`
                + ` ${report.relatedRecords.updated} changed, ${report.relatedRecords.unchanged} already so.` : '');
        if (state.org) {
            await listRecords();
        }
        if (state.record) {
            await loadInsights();
            await loadRelated();
            await refreshPreview();
        }
    }
}

async function exportFile(type, extension) {
    const query = state.org ? `?${new URLSearchParams(state.org)}` : '';
    const response = await call('GET', `admin/v1/export${query}`, { accept: type });
    const link = $('#download');
    URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(await response.blob());
    link.download = `insights.${extension}`;
    link.click();
    say(`Exported insights.${extension}.`);
}

// ---- sign-in and start ----------------------------------------------------------------------------------------

function wire() {
    watchCounters();
    $('#message-close').addEventListener('click', clearMessage);
    wireSession();
    $('#org-form').addEventListener('submit', (event) => {
        event.preventDefault();
        state.org = Object.fromEntries(new FormData(event.target));
        attempt(listRecords);
    });
    $('#record-filter').addEventListener('input', () => state.org && drawRecords());
    $('#record-form').addEventListener('submit', (event) => {
        event.preventDefault();
        if (!state.org) {
            fail(new Error('List the records of an organization first.'));
            return;
        }
        attempt(() => addRecord(event.target));
    });
    $('#import-form').addEventListener('submit', (event) => {
        event.preventDefault();
        importFile(event.target);
    });
    $('#export-json').addEventListener('click', () => attempt(() => exportFile('application/json', 'json')));
    $('#export-csv').addEventListener('click', () => attempt(() => exportFile('text/csv', 'csv')));
    $('#new-insight').addEventListener('click', () => {
        closeRelatedEditor();
        openEditor(null);
    });
    $('#new-related').addEventListener('click', () => openRelatedEditor(null));
    $('#related-form').addEventListener('submit', (event) => {
        event.preventDefault();
        saveRelated();
    });
    $('#delete-related').addEventListener('click', deleteRelated);
    $('#close-related').addEventListener('click', closeRelatedEditor);
    $('#add-related-property').addEventListener('click', () => propertyRow($('#r-properties')).focus());
    $('#insight-form').addEventListener('submit', (event) => {
        event.preventDefault();
        saveInsight();
    });
    $('#delete-insight').addEventListener('click', deleteInsight);
    $('#close-editor').addEventListener('click', closeEditor);
    $('#add-property').addEventListener('click', () => propertyRow($('#f-properties')).focus());
    $('#add-translated-property').addEventListener('click', () => propertyRow($('#t-properties')).focus());
    $('#translation-form').addEventListener('submit', (event) => {
        event.preventDefault();
        saveTranslation();
    });
    wirePreview();
    wireTenants();
    const org = JSON.parse(localStorage.getItem('sales-insights.org') ?? 'null');
    if (org) {
        $('#crm-type').value = org.crmType;
        $('#org-url').value = org.orgUrl;
    }
}

async function main() {
    wire();
    useTokens(auth.token);
    try {
        await auth.start();
    } catch (error) {
        fail(error);
    }
    if (auth.canUseDemo() && !$('#org-url').value) {
        $('#org-url').value = 'https://contoso.crm.dynamics.com';
    }
    await showSession();
}

main();

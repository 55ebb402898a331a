// The Records panel: an organization's records, filtered as the curator types, one added by hand, and one opened with
// its insights, related records and preview. The organization listed last is remembered and offered again.

import { json } from './api.js';
import { closeEditor } from './editor.js';
import { loadInsights } from './insights.js';
import { $, fail, say } from './page.js';
import { refreshPreview } from './preview.js';
import { closeRelatedEditor, loadRelated } from './related.js';
import { attempt } from './session.js';
import { state } from './state.js';

export async function listRecords() {
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

/** The organization's form, the filter and the form that adds a record; the organization listed last, filled in. */
export function wireRecords() {
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
    const org = JSON.parse(localStorage.getItem('sales-insights.org') ?? 'null');
    if (org) {
        $('#crm-type').value = org.crmType;
        $('#org-url').value = org.orgUrl;
    }
}

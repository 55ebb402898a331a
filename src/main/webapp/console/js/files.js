// Files: importing a JSON or CSV file of insights (and related records), with its report and its problems by line, and
// exporting them, of the organization listed or of all, as a download.

import { call, json } from './api.js';
import { loadInsights } from './insights.js';
import { $, plural, say } from './page.js';
import { refreshPreview } from './preview.js';
import { listRecords } from './records.js';
import { loadRelated } from './related.js';
import { attempt } from './session.js';
import { state } from './state.js';

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

/** The import form and the export buttons. */
export function wireFiles() {
    $('#import-form').addEventListener('submit', (event) => {
        event.preventDefault();
        importFile(event.target);
    });
    $('#export-json').addEventListener('click', () => attempt(() => exportFile('application/json', 'json')));
    $('#export-csv').addEventListener('click', () => attempt(() => exportFile('text/csv', 'csv')));
}

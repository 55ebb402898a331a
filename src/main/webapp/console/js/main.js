// The console: find a record, edit its insights and their translations, import and export files, preview the card
// sellers see, and list the applications each tenant lets feed its organizations. Every change goes through the admin
// API with the version last read, so nobody's change is overwritten unseen; every error the API returns is shown in
// words, by field where it names one. Each panel has its module, which wires its own buttons and forms; what the panels
// share is in state.js. This one wires them all and starts the console.
//
// The panels call one another (opening a record closes the editors, saving an insight lists the records again), so
// records, insights, editor, translations and related import one another. That is safe only while those modules run
// nothing when they are loaded (they declare functions, which exist before any module's code runs): keep it so, and
// let nothing run before main() below.

import * as auth from './auth.js';
import { useTokens } from './api.js';
import { wireEditor } from './editor.js';
import { watchCounters } from './fields.js';
import { wireFiles } from './files.js';
import { wireInsights } from './insights.js';
import { $, clearMessage, fail } from './page.js';
import { wirePreview } from './preview.js';
import { wireRecords } from './records.js';
import { wireRelated } from './related.js';
import { showSession, wireSession } from './session.js';
import { wireTenants } from './tenants.js';
import { wireTranslations } from './translations.js';

function wire() {
    watchCounters();
    $('#message-close').addEventListener('click', clearMessage);
    wireSession();
    wireRecords();
    wireFiles();
    wireInsights();
    wireRelated();
    wireEditor();
    wireTranslations();
    wirePreview();
    wireTenants();
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

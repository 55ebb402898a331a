// The translations of the insight in the editor: each listed to be edited or deleted, and the form that saves one for
// a language, with the insight's version read last.

import { json } from './api.js';
import { openEditor } from './editor.js';
import { count, fillProperties, markFields, propertyRow, readProperties } from './fields.js';
import { loadInsights } from './insights.js';
import { $, fail, say } from './page.js';
import { refreshPreview } from './preview.js';
import { attempt } from './session.js';
import { state } from './state.js';

export function drawTranslations() {
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

/** The translation's form and its Add property button. */
export function wireTranslations() {
    $('#add-translated-property').addEventListener('click', () => propertyRow($('#t-properties')).focus());
    $('#translation-form').addEventListener('submit', (event) => {
        event.preventDefault();
        saveTranslation();
    });
}

// The Key sales info card as sellers see it in Outlook, drawn from the read action's own answer for the record (so
// the text is cut exactly as the API cuts it): each insight's description as a bullet with a citation number; the
// number opens the citation card with the title, the properties, the time and the link. The What sellers see panel
// shows it and the record details card for the open record, read again after each change.

import { call, explain } from './api.js';
import { $ } from './page.js';
import { state } from './state.js';
import { readable } from './text.js';

const CONNECTOR = 'sales-insights';

function element(name, attributes = {}, ...children) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) {
        if (key === 'text') {
            node.textContent = value;
        } else {
            node.setAttribute(key, value);
        }
    }
    node.append(...children);
    return node;
}

/** Draws the page ({value, hasMoreResults}) into area; language is the one asked for, for the caption. */
function drawCard(area, page, languages) {
    area.replaceChildren();
    const card = element('article', { class: 'card', 'aria-label': 'Key sales info, as sellers see it' });
    card.append(element('h3', { text: 'Key sales info' }));
    const section = element('section', { class: 'partner' });
    section.append(element('h4', { text: CONNECTOR }));
    if (page.value.length === 0) {
        section.append(element('p', { class: 'muted', text: 'Sellers see no insights from us for this record now'
            + ' (none, or none valid now).' }));
    }
    const bullets = element('ul', { class: 'bullets' });
    const citations = element('div', { class: 'citations' });
    page.value.forEach((insight, index) => {
        const number = index + 1;
        const cardId = `citation-${number}`;
        const cite = element('button', { type: 'button', class: 'cite', 'aria-expanded': 'false',
            'aria-controls': cardId, 'aria-label': `Citation ${number}: ${insight.title}`, text: String(number) });
        bullets.append(element('li', {}, element('span', { class: 'bullet-text', text: insight.description }), ' ',
            cite));
        const details = element('section', { class: 'citation', id: cardId, hidden: '',
            'aria-label': `Citation ${number}` });
        details.append(element('h5', {}, element('span', { class: 'icon', 'aria-hidden': 'true', text: 'i' }),
            element('span', { class: 'citation-title', text: insight.title })));
        const properties = insight.additionalProperties ?? {};
        if (Object.keys(properties).length > 0) {
            const list = element('dl');
            for (const [name, value] of Object.entries(properties)) {
                list.append(element('dt', { text: name }), element('dd', { text: value }));
            }
            details.append(list);
        }
        if (insight.dateTime) {
            details.append(element('p', { class: 'muted', text: readable(insight.dateTime) }));
        }
        const footer = element('p', { class: 'citation-footer' }, element('span', { text: CONNECTOR }));
        if (insight.url) {
            footer.append(' ', element('a', { href: insight.url, target: '_blank', rel: 'noopener noreferrer',
                text: `Open in ${CONNECTOR}` }));
        }
        details.append(footer);
        citations.append(details);
        cite.addEventListener('click', () => {
            const open = cite.getAttribute('aria-expanded') === 'true';
            citations.querySelectorAll('.citation').forEach((c) => { c.hidden = true; });
            bullets.querySelectorAll('.cite').forEach((c) => c.setAttribute('aria-expanded', 'false'));
            details.hidden = open;
            cite.setAttribute('aria-expanded', String(!open));
        });
    });
    section.append(bullets, citations);
    if (page.hasMoreResults) {
        section.append(element('p', { class: 'muted', text: 'Sellers can ask for more: there are further insights'
            + ' after these.' }));
    }
    card.append(section);
    area.append(card);
    if (languages) {
        area.append(element('p', { class: 'muted', text: `Served in: ${languages}` }));
    }
}

/**
 * The record details card as sellers see it, drawn from the record details action's own answer for the record: under
 * the connector's name, each related record's title with its type and the first two properties as key fields; the
 * title opens the record's details (every property and the link).
 */
function drawRelatedCard(area, page, languages) {
    area.replaceChildren();
    const card = element('article', { class: 'card', 'aria-label': 'Record details, as sellers see it' });
    card.append(element('h3', { text: 'Record details' }));
    const section = element('section', { class: 'partner' });
    section.append(element('h4', { text: CONNECTOR }));
    if (page.value.length === 0) {
        section.append(element('p', { class: 'muted', text: 'Sellers see no related records from us for this record.' }));
    }
    const list = element('ul', { class: 'related' });
    page.value.forEach((record, index) => {
        const detailsId = `related-${index + 1}`;
        const open = element('button', { type: 'button', class: 'related-title', 'aria-expanded': 'false',
            'aria-controls': detailsId, text: record.recordTitle });
        const properties = Object.entries(record.additionalProperties ?? {});
        const keyFields = element('p', { class: 'muted', text: [record.recordTypeDisplayName,
            ...properties.slice(0, 2).map(([name, value]) => `${name}: ${value}`)].join(' · ') });
        const details = element('section', { class: 'citation', id: detailsId, hidden: '',
            'aria-label': `${record.recordTypeDisplayName} ${record.recordTitle}` });
        if (properties.length > 0) {
            const fields = element('dl');
            for (const [name, value] of properties) {
                fields.append(element('dt', { text: name }), element('dd', { text: value }));
            }
            details.append(fields);
        }
        const footer = element('p', { class: 'citation-footer' }, element('span', { text:
            `${record.recordTypeDisplayName} ${record.recordId}` }));
        if (record.url) {
            footer.append(' ', element('a', { href: record.url, target: '_blank', rel: 'noopener noreferrer',
                text: `Open in ${CONNECTOR}` }));
        }
        details.append(footer);
        open.addEventListener('click', () => {
            const shown = open.getAttribute('aria-expanded') === 'true';
            details.hidden = shown;
            open.setAttribute('aria-expanded', String(!shown));
        });
        list.append(element('li', {}, open, keyFields, details));
    });
    section.append(list);
    if (page.hasMoreResults) {
        section.append(element('p', { class: 'muted', text: 'Sellers can ask for more: there are further related'
            + ' records after these.' }));
    }
    card.append(section);
    area.append(card);
    if (languages) {
        area.append(element('p', { class: 'muted', text: `Written in: ${languages}` }));
    }
}

/** Reads both cards of the open record again; a card that cannot be read says why in its place. */
export async function refreshPreview() {
    if (!state.record) {
        return;
    }
    const area = $('#card-area');
    try {
        const response = await call('GET', `admin/v1/records/${state.record.id}/preview`,
            { language: $('#preview-language').value || undefined });
        drawCard(area, await response.json(), response.headers.get('Content-Language'));
    } catch (error) {
        area.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted',
            textContent: `No preview: ${explain(error)}` }));
    }
    const relatedArea = $('#related-card-area');
    try {
        const response = await call('GET', `admin/v1/records/${state.record.id}/related-records/preview`);
        drawRelatedCard(relatedArea, await response.json(), response.headers.get('Content-Language'));
    } catch (error) {
        relatedArea.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted',
            textContent: `No preview of the related records: ${explain(error)}` }));
    }
}

/** The language asked of the preview: the card is read again in it. */
export function wirePreview() {
    $('#preview-language').addEventListener('change', refreshPreview);
}

// The forms' shared pieces: counters of what sellers will read against its limit, rows of additional properties, and
// the problems the API found, marked at their fields.

import { length } from './text.js';

export function count(input) {
    const counter = document.getElementById(`${input.id}-count`);
    if (!counter) {
        return;
    }
    const max = Number(counter.dataset.max);
    const used = length(input.value.trim());
    counter.textContent = `${used}/${max}`;
    counter.classList.toggle('over', used > max);
}

export function watchCounters() {
    document.querySelectorAll('.count').forEach((counter) => {
        const input = document.getElementById(counter.id.replace(/-count$/, ''));
        input.addEventListener('input', () => count(input));
        count(input);
    });
}

export function propertyRow(list, name = '', value = '') {
    const item = document.createElement('li');
    const index = list.children.length + 1;
    const nameLabel = document.createElement('label');
    nameLabel.textContent = `Name ${index} `;
    const nameInput = Object.assign(document.createElement('input'), { value: name, className: 'property-name' });
    nameLabel.append(nameInput);
    const valueLabel = document.createElement('label');
    valueLabel.textContent = `Value ${index} `;
    const valueInput = Object.assign(document.createElement('input'), { value, className: 'property-value' });
    valueLabel.append(valueInput);
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
    remove.setAttribute('aria-label', `Remove property ${index}`);
    remove.addEventListener('click', () => item.remove());
    item.append(nameLabel, ' ', valueLabel, ' ', remove);
    list.append(item);
    return nameInput;
}

export function fillProperties(list, properties) {
    list.replaceChildren();
    for (const [name, value] of Object.entries(properties ?? {})) {
        propertyRow(list, name, value);
    }
}

export function readProperties(list) {
    const properties = {};
    list.querySelectorAll('li').forEach((item) => {
        const name = item.querySelector('.property-name').value;
        const value = item.querySelector('.property-value').value;
        if (name.trim() || value.trim()) {
            properties[name] = value;
        }
    });
    return properties;
}

/** Marks each problem at its field (ids prefix-field-error); returns those with no field on this form. */
export function markFields(form, prefix, details) {
    form.querySelectorAll('.error').forEach((span) => { span.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
    const unplaced = {};
    let first = null;
    for (const [field, problem] of Object.entries(details ?? {})) {
        const name = field.startsWith('additionalProperties') ? 'additionalProperties' : field;
        const span = document.getElementById(`${prefix}-${name}-error`);
        if (!span) {
            unplaced[field] = problem;
            continue;
        }
        const text = field === name ? problem : `${field.substring(name.length + 1)}: ${problem}`;
        span.textContent = span.textContent ? `${span.textContent} ${text}` : text;
        const input = document.getElementById(`${prefix}-${name}`);
        if (input) {
            input.setAttribute('aria-invalid', 'true');
            first ??= input;
        }
    }
    return { unplaced, first };
}

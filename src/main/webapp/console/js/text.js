// Text as sellers get it. Titles and descriptions are counted in UTF-16 code units, as the API counts them (and as
// the Sales app's .NET code does): an emoji counts 2 or more, a flag 4, a letter with a combining accent 2. A
// JavaScript string's length is exactly that count.

export function length(text) {
    return text.length;
}

/** 2026-11-25T09:30:00Z to the value of a datetime-local field, in the curator's time zone. */
export function toLocalInput(iso) {
    if (!iso) {
        return '';
    }
    const date = new Date(iso);
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
        + `${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The value of a datetime-local field (the curator's time zone) to a time with its offset, or null. */
export function fromLocalInput(value) {
    return value ? new Date(value).toISOString() : null;
}

/** A time for people: in the reader's time zone and language. */
export function readable(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

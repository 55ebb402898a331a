// Text as sellers see it: characters counted as people see them (an emoji or an accented letter is one), as the
// API counts them.

const graphemes = typeof Intl !== 'undefined' && Intl.Segmenter
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

export function length(text) {
    if (!graphemes) {
        return [...text].length;
    }
    let count = 0;
    for (const ignored of graphemes.segment(text)) {
        count++;
    }
    return count;
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

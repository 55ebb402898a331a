// What the console's panels share: the organization whose records are listed, the record open with its insights and
// related records, what the editors hold, and the tenants. Each part is set by the panel that loads it, as the API
// last answered (so a change sends back the version read last), and read by the others; none outlives the page.

export const state = {
    /** The organization listed: {crmType, orgUrl} from the Records form; null before the first list. */
    org: null,
    /** The organization's records as listed (the filter only hides some of them). */
    records: [],
    /** The record open, whose insights, related records and preview are shown; null before one is opened. */
    record: null,
    /** The open record's insights, in their order. */
    insights: [],
    /** The insight in the editor; null when the editor is closed or holds a new one. */
    editing: null,
    /** The tenants as the registry listed them. */
    tenants: [],
    /** The tenant open in its form; null when the form is closed. */
    tenant: null,
    /** The open record's related records. */
    related: [],
    /** The related record in its editor; null when that editor is closed or holds a new one. */
    editingRelated: null,
};

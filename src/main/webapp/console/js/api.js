// Calls the sales-insights API with the signed-in curator's token, and turns every failure into an ApiError that
// carries the contract's error body (errorCode, errorMessage, activityId, details).

let tokenSource = async () => null;

/** Sets where tokens come from: a function returning a promise of a bearer token (or null when signed out). */
export function useTokens(source) {
    tokenSource = source;
}

export class ApiError extends Error {
    constructor(status, body) {
        super(body?.errorMessage ?? `HTTP ${status}`);
        this.status = status;
        this.code = body?.errorCode ?? null;
        this.details = body?.details ?? null;
        this.activityId = body?.activityId ?? null;
        this.subject = null; // what the failed change was of, for the words (an insight unless said)
    }
}

const API = new URL('../api/', document.baseURI);

/**
 * One call: method, path under /api/, and options body (an object is sent as JSON), ifMatch (a version number),
 * contentType, accept, language (Accept-Language). Resolves with the Response when it is 2xx.
 */
export async function call(method, path, options = {}) {
    const headers = { Accept: options.accept ?? 'application/json' };
    const token = await tokenSource();
    if (token) {
        headers.Authorization = `Bearer ${token}`;
    }
    let body = options.body;
    if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
        body = JSON.stringify(body);
        headers['Content-Type'] = 'application/json';
    }
    if (options.contentType) {
        headers['Content-Type'] = options.contentType;
    }
    if (options.ifMatch !== undefined) {
        headers['If-Match'] = `"${options.ifMatch}"`;
    }
    if (options.language) {
        headers['Accept-Language'] = options.language;
    }
    let response;
    try {
        response = await fetch(new URL(path, API), { method, headers, body, cache: 'no-store' });
    } catch (cause) {
        throw new ApiError(0, { errorCode: 'UNREACHABLE', errorMessage: 'The server cannot be reached.' });
    }
    if (!response.ok) {
        let error = null;
        try {
            error = await response.json();
        } catch (ignored) {
            // not the contract's body (a proxy's page, say): the status speaks for itself
        }
        throw new ApiError(response.status, error);
    }
    return response;
}

export async function json(method, path, options) {
    const response = await call(method, path, options);
    return response.status === 204 ? null : response.json();
}

/** What a curator should read for a failure: what happened and what to do. */
export function explain(error) {
    if (!(error instanceof ApiError)) {
        return `Something went wrong in the console: ${error.message}`;
    }
    const id = error.activityId ? ` (activity id ${error.activityId})` : '';
    switch (error.status) {
        case 0:
            return 'The server cannot be reached. Check your connection and try again.';
        case 400:
            return error.details ? `${error.message} See the marked fields.` : error.message;
        case 401:
            return 'Your sign-in has expired or was refused. Sign in again.';
        case 403:
            return 'Your account may not curate insights: it needs the curators\' app role, in the partner\'s own'
                + ' tenant.';
        case 404:
            return `${error.message} It may have been deleted; reload the list.`;
        case 409:
            return error.message;
        case 412:
            return `Someone changed this ${error.subject ?? 'insight'} since you opened it, so your change was not`
                + ' saved. Reload it to see theirs, then make yours again.';
        case 413:
            return error.message;
        case 428:
            return `The console sent no version with the change; reload the ${error.subject ?? 'insight'} and try`
                + ' again.';
        case 503:
            return 'The service cannot reach its database just now. Try again in a moment.';
        default:
            return `The server failed to do this${id}. Try again; if it keeps failing, give the activity id to`
                + ' whoever runs the service.';
    }
}

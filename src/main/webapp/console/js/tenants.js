// The Tenants panel: the tenants the registry lists, and one opened to change its name and the applications it lets
// feed its organizations (app id and name rows), saved with the version read last; a stale one offers a reload.

import { json } from './api.js';
import { markFields } from './fields.js';
import { $, fail, plural, say } from './page.js';
import { attempt } from './session.js';
import { state } from './state.js';

/** The registry's limit of feeders per tenant (TenantChangeParser.MAX_FEEDERS). */
const MAX_FEEDERS = 50;

async function listTenants() {
    state.tenants = await json('GET', 'admin/v1/tenants');
    const body = $('#tenant-table tbody');
    body.replaceChildren();
    for (const tenant of state.tenants) {
        const row = document.createElement('tr');
        for (const text of [tenant.displayName, tenant.organizations.map((o) => o.host).join(', ') || '(none)',
            tenant.tenantId, String(tenant.feeders.length)]) {
            row.append(Object.assign(document.createElement('td'), { textContent: text }));
        }
        const open = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Open' });
        open.setAttribute('aria-label', `Open tenant ${tenant.displayName}`);
        open.addEventListener('click', () => attempt(() => openTenant(tenant.tenantId)));
        const cell = document.createElement('td');
        cell.append(open);
        row.append(cell);
        body.append(row);
    }
    $('#tenants-caption').textContent = `${plural(state.tenants.length, 'tenant')} registered`;
    $('#tenant-table').hidden = false;
}

/** Reads the tenant again: the version a change sends back in If-Match is the one read last. */
async function openTenant(tenantId) {
    drawTenant(await json('GET', `admin/v1/tenants/${encodeURIComponent(tenantId)}`));
    $('#tn-displayName').focus();
}

function drawTenant(tenant) {
    state.tenant = tenant;
    const form = $('#tenant-form');
    markFields(form, 'tn', {});
    $('#tenant-title').textContent = `${tenant.displayName} (${tenant.tenantId})`;
    $('#tenant-version').textContent = `Version ${tenant.version}.`;
    $('#tn-displayName').value = tenant.displayName;
    const organizations = tenant.organizations.map((o) => Object.assign(document.createElement('li'), {
        textContent: `${o.crmType} ${o.host}${o.displayName ? ` (${o.displayName})` : ''}` }));
    $('#tenant-organizations').replaceChildren(...(organizations.length ? organizations
        : [Object.assign(document.createElement('li'), { textContent: '(none)', className: 'muted' })]));
    $('#tn-feeders').replaceChildren();
    tenant.feeders.forEach((feeder) => feederRow(feeder.appId, feeder.name));
    numberFeeders();
    form.hidden = false;
}

/** A row of the feeders' list: its fields get their ids (and so their problems) from numberFeeders. */
function feederRow(appId = '', name = '') {
    const item = Object.assign(document.createElement('li'), { className: 'feeder' });
    const field = (className, value, size) => {
        const label = document.createElement('label');
        const text = Object.assign(document.createElement('span'), { className: 'feeder-label' });
        const input = Object.assign(document.createElement('input'), { value, className, size, autocomplete: 'off',
            spellcheck: false });
        const error = Object.assign(document.createElement('span'), { className: `error ${className}-error` });
        label.append(text, input);
        const box = Object.assign(document.createElement('div'), { className: 'field' });
        box.append(label, error);
        return box;
    };
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove',
        className: 'remove-feeder' });
    remove.addEventListener('click', () => {
        item.remove();
        numberFeeders();
        $('#add-feeder').focus();
    });
    item.append(field('feeder-app-id', appId, 38), field('feeder-name', name, 24), remove);
    $('#tn-feeders').append(item);
    return item.querySelector('input');
}

/**
 * Names each row's fields by its place in the list, as the registry names them in its problems
 * (feeders[1].appId is the second row's app id), so that markFields puts each problem at its row.
 */
function numberFeeders() {
    const rows = [...$('#tn-feeders').children];
    rows.forEach((item, index) => {
        const [appLabel, nameLabel] = item.querySelectorAll('.feeder-label');
        appLabel.textContent = `App id ${index + 1}`;
        nameLabel.textContent = `Name ${index + 1}`;
        for (const [className, field] of [['feeder-app-id', 'appId'], ['feeder-name', 'name']]) {
            const id = `tn-feeders[${index}].${field}`;
            const input = item.querySelector(`input.${className}`);
            input.id = id;
            input.setAttribute('aria-describedby', `${id}-error`);
            item.querySelector(`.${className}-error`).id = `${id}-error`;
        }
        item.querySelector('.remove-feeder').setAttribute('aria-label', `Remove feeder ${index + 1}`);
    });
    const full = rows.length >= MAX_FEEDERS;
    $('#add-feeder').disabled = full;
    $('#add-feeder').title = full ? `A tenant lists at most ${MAX_FEEDERS} feeders.` : '';
}

/** The feeders as listed; rows left empty are dropped first, so that the others keep the numbers sent. */
function readFeeders() {
    [...$('#tn-feeders').children].forEach((item) => {
        if ([...item.querySelectorAll('input')].every((input) => !input.value.trim())) {
            item.remove();
        }
    });
    numberFeeders();
    return [...$('#tn-feeders').children].map((item) => ({
        appId: item.querySelector('.feeder-app-id').value.trim(),
        name: item.querySelector('.feeder-name').value.trim(),
    }));
}

async function saveTenant() {
    const form = $('#tenant-form');
    const tenant = state.tenant;
    // a PUT replaces the whole entry: the organizations go back as they were read (the console does not edit them)
    const body = {
        displayName: $('#tn-displayName').value,
        organizations: tenant.organizations.map((o) => ({ crmType: o.crmType, orgUrl: o.host,
            ...(o.displayName ? { displayName: o.displayName } : {}) })),
        feeders: readFeeders(),
    };
    const saved = await attempt(() => json('PUT', `admin/v1/tenants/${encodeURIComponent(tenant.tenantId)}`,
        { body, ifMatch: tenant.version }), (error) => {
        error.subject = 'tenant';
        if (error.status === 400 && error.details) {
            const { unplaced, first } = markFields(form, 'tn', error.details);
            error.unplaced = unplaced;
            fail(error);
            first?.focus();
            return true;
        }
        if (error.status === 412) {
            fail(error, { label: 'Reload the tenant', run: () => attempt(async () => {
                await openTenant(tenant.tenantId);
                say('Reloaded: this is the tenant as it is now.');
            }) });
            return true;
        }
        return false;
    });
    if (saved) {
        drawTenant(saved);
        await listTenants();
        say(`Saved tenant ${saved.displayName} (version ${saved.version}).`);
    }
}

function closeTenant() {
    state.tenant = null;
    $('#tenant-form').hidden = true;
    $('#list-tenants').focus();
}

/** The buttons that list the tenants, add a feeder row and close the tenant, and the tenant's form. */
export function wireTenants() {
    $('#list-tenants').addEventListener('click', () => attempt(listTenants));
    $('#add-feeder').addEventListener('click', () => {
        const input = feederRow();
        numberFeeders();
        input.focus();
    });
    $('#tenant-form').addEventListener('submit', (event) => {
        event.preventDefault();
        saveTenant();
    });
    $('#close-tenant').addEventListener('click', closeTenant);
}

package org.salesinsights.feeds.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.junit.jupiter.api.Test;
import org.salesinsights.changes.boundary.ChangeLog;
import org.salesinsights.changes.control.Change;
import org.salesinsights.curation.control.InsightDocument;
import org.salesinsights.curation.control.RelatedRecordDocument;
import org.salesinsights.feeds.control.FedRelatedRecordName;
import org.salesinsights.feeds.control.FedRelatedRecords;
import org.salesinsights.feeds.control.FeedCaller;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.entity.CrmOrganization;
import org.salesinsights.insights.entity.CrmRecord;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.insights.entity.InsightProperty;
import org.salesinsights.insights.entity.RelatedRecord;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.errors.ErrorCode;
import org.salesinsights.tenants.entity.Feeder;
import org.salesinsights.tenants.entity.Tenant;

/**
 * What a feed does with the related records of a CRM record ({@link RelatedRecordFeeds}), decided on hand-made
 * entities: what it owns and what the curators own, what counts as a change, and what a snapshot deletes.
 */
class RelatedRecordFeedsTest {

    private static final String OWNER = "f00d0000-0000-4000-a000-000000000001";
    private static final String APP = "a7c1e000-0000-4000-a000-000000000001";
    private static final FeedCaller CALLER = new FeedCaller(APP, OWNER, false);
    private static final CrmRecordKey OPPORTUNITY = new CrmRecordKey(CrmType.DYNAMICS_365,
            Optional.of("ours.crm.dynamics.com"), "opportunity", "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91");

    private final CrmOrganization organization = new CrmOrganization(CrmType.DYNAMICS_365, "ours.crm.dynamics.com");
    private final Tenant owner = new Tenant(OWNER, "Owner");
    private final CrmRecord record = new CrmRecord(organization, "opportunity", OPPORTUNITY.recordId(), null);
    /** The CRM record's related records, as the database holds them. */
    private final List<RelatedRecord> stored = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final RelatedRecordFeeds feeds = new RelatedRecordFeeds();

    RelatedRecordFeedsTest() {
        organization.setTenantId(OWNER);
        owner.setFeeders(List.of(new Feeder(APP, "Contract system")));
        feeds.em = entityManager();
        feeds.changeLog = new ChangeLog() {
            @Override
            public void record(Change change) {
                changes.add(change);
            }
        };
    }

    @Test
    void aFeedReplacesWhatItOwnsAndKeepsTheCuratorsPriority() {
        RelatedRecord fed = stored("CT-1", "contracts", "Master agreement");
        fed.change("CT-1", "contract", "Contract", "Contracts", "Master agreement", null, null, 7, List.of(),
                "curator", null);
        RelatedRecordFeeds.Fed replaced = feeds.put(CALLER, one("contracts", document("CT-1", "Master agreement 2027")));
        assertEquals(RelatedRecordFeeds.Outcome.REPLACED, replaced.outcome());
        assertEquals(7, fed.getPriority(), "the curator's priority stays");
        assertEquals("Master agreement 2027", fed.getTitle());
        assertEquals("app Contract system (" + APP + ")", fed.getUpdatedBy());
        assertEquals(1, changes.size(), "the read caches hear of it");
    }

    @Test
    void whatIsAlreadySoWritesNothing() {
        RelatedRecord fed = stored("CT-1", "contracts", "Master agreement");
        fed.change("CT-1", "contract", "Contract", "Contracts", "Master agreement", null, null, 7,
                List.of(new InsightProperty("Status", "Signed")), "curator", null);
        RelatedRecordDocument same = new RelatedRecordDocument("CT-1", "contract", "Contract", "Contracts",
                "Master agreement", null, null, 0, List.of(new InsightDocument.Property("Status", "Signed")));
        assertEquals(RelatedRecordFeeds.Outcome.UNCHANGED, feeds.put(CALLER, one("contracts", same)).outcome(),
                "a priority the feed never sends is no difference");
        assertEquals(List.of(), changes);
    }

    @Test
    void aCuratorsOrAnotherSourcesRelatedRecordIsNotTheFeeds() {
        stored("CT-1", null, "The curators'");
        stored("CT-2", "quotes", "Another source's");
        for (String id : List.of("CT-1", "CT-2")) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> feeds.put(CALLER, one("contracts", document(id, "Mine"))));
            assertEquals(ErrorCode.CONFLICT, refused.errorCode(), id);
            assertEquals(ErrorCode.CONFLICT, assertThrows(ApiException.class, () -> feeds.delete(CALLER,
                    new FedRelatedRecordName("contracts", OPPORTUNITY, id))).errorCode(), "nor deleted: " + id);
        }
        assertEquals(List.of("The curators'", "Another source's"), stored.stream().map(RelatedRecord::getTitle)
                .toList());
    }

    @Test
    void aSnapshotDeletesOnlyWhatItsSourceFedAndNoLongerHolds() {
        stored("CT-1", "contracts", "Kept");
        stored("CT-2", "contracts", "Left out");
        stored("CUR-1", null, "The curators'");
        stored("Q-1", "quotes", "Another source's");
        FedRelatedRecordsView synced = feeds.sync(CALLER, new FedRelatedRecords("contracts", OPPORTUNITY,
                List.of(document("CT-1", "Kept"), document("CT-3", "New"))));
        assertEquals(List.of(1, 0, 1, 1), List.of(synced.created(), synced.replaced(), synced.unchanged(),
                synced.deleted()));
        assertEquals(List.of("Kept", "The curators'", "Another source's", "New"), stored.stream()
                .map(RelatedRecord::getTitle).toList());
    }

    private static FedRelatedRecords one(String source, RelatedRecordDocument document) {
        return new FedRelatedRecords(source, OPPORTUNITY, List.of(document));
    }

    private static RelatedRecordDocument document(String id, String title) {
        return new RelatedRecordDocument(id, "contract", "Contract", "Contracts", title, null, null, 0, List.of());
    }

    private RelatedRecord stored(String id, String source, String title) {
        RelatedRecord related = new RelatedRecord(record);
        related.change(id, "contract", "Contract", "Contracts", title, null, null, 0, List.of(), "someone", null);
        related.setFeedSource(source);
        stored.add(related);
        return related;
    }

    /**
     * An entity manager over the hand-made entities: the organization, its tenant, the CRM record and
     * {@link #stored}; persist and remove change {@link #stored}. Anything else is a mistake of the test.
     */
    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createNamedQuery" -> query((String) args[0]);
                    case "find" -> args[0] == Tenant.class && OWNER.equals(args[1]) ? owner : null;
                    case "lock", "flush" -> null;
                    case "persist" -> {
                        if (args[0] instanceof RelatedRecord related) {
                            stored.add(related);
                        }
                        yield null;
                    }
                    case "remove" -> {
                        stored.remove(args[0]);
                        yield null;
                    }
                    case "unwrap" -> connection();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private TypedQuery<?> query(String name) {
        Map<String, Object> parameters = new HashMap<>();
        return (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TypedQuery.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "setFlushMode" -> proxy;
                    case "getResultStream" -> switch (name) {
                        case CrmOrganization.FIND -> List.of(organization).stream()
                                .filter(o -> o.getHost().equals(parameters.get("host")));
                        case CrmRecord.FIND -> List.of(record).stream()
                                .filter(r -> r.getRecordId().equals(parameters.get("recordId")));
                        case RelatedRecord.BY_PARTNER_ID -> List.copyOf(stored).stream()
                                .filter(r -> r.getPartnerRecordId().equals(parameters.get("partnerRecordId")));
                        default -> throw new UnsupportedOperationException(name);
                    };
                    case "getResultList" -> {
                        if (!RelatedRecord.OF_RECORD.equals(name)) {
                            throw new UnsupportedOperationException(name);
                        }
                        yield List.copyOf(stored);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A connection that says it is H2's: no PostgreSQL-only statement is sent. */
    private Connection connection() {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return "H2";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData")) {
                        return metaData;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salesinsights.insights.entity.CrmType;

class CrmRecordIdsTest {

    private static final String GUID = "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91";

    @ParameterizedTest
    @ValueSource(strings = {GUID, "D1C6A4E2-5F3B-4C8E-9A7D-2B1E0F6C3A91", "{d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91}",
        "{D1C6A4E2-5f3b-4C8E-9a7d-2B1E0F6C3A91}"})
    void guidsInAnyCaseWithOrWithoutBracesAreOneId(String id) {
        assertEquals(Optional.of(CrmType.DYNAMICS_365), CrmRecordIds.crmTypeOf(id));
        assertEquals(Optional.of(GUID), CrmRecordIds.normalize(CrmType.DYNAMICS_365, id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a9", "d1c6a4e25f3b4c8e9a7d2b1e0f6c3a91",
        "{d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", "g1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", "006Dn00000A1b2C",
        // checked by hand, not by a regular expression: digits of other scripts, dashes moved or replaced
        "\uff11c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", "\u0661c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91",
        "d1c6a4e25-f3b-4c8e-9a7d-2b1e0f6c3a91", "d1c6a4e2x5f3b-4c8e-9a7d-2b1e0f6c3a91",
        "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a9-", "-1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91"})
    void malformedGuidsAreRefused(String id) {
        assertEquals(Optional.empty(), CrmRecordIds.normalize(CrmType.DYNAMICS_365, id));
    }

    @Test
    void the15CharacterFormGetsTheCaseSafeSuffix() {
        // Worked by hand: 006Dn -> D is bit 3 -> 8 -> 'I'; 00000 -> 'A'; A1b2C -> bits 0 and 4 -> 17 -> 'R'.
        assertEquals("IAR", CrmRecordIds.caseSuffix("006Dn00000A1b2C"));
        assertEquals(Optional.of("006Dn00000A1b2CIAR"), CrmRecordIds.normalize(CrmType.SALESFORCE, "006Dn00000A1b2C"));
    }

    @Test
    void bothFormsOfOneSalesforceIdAreTheSameRecord() {
        String fifteen = "001Dn00000XyZ9q";
        String eighteen = fifteen + CrmRecordIds.caseSuffix(fifteen);
        assertEquals(CrmRecordIds.normalize(CrmType.SALESFORCE, fifteen),
                CrmRecordIds.normalize(CrmType.SALESFORCE, eighteen));
    }

    @Test
    void anEighteenCharacterIdWhoseCaseWasLostIsRestoredFromItsSuffix() {
        String eighteen = "006Dn00000A1b2CIAR";
        assertEquals(Optional.of(eighteen),
                CrmRecordIds.normalize(CrmType.SALESFORCE, eighteen.toLowerCase(Locale.ROOT)));
        assertEquals(Optional.of(eighteen),
                CrmRecordIds.normalize(CrmType.SALESFORCE, eighteen.toUpperCase(Locale.ROOT)));
    }

    @Test
    void fifteenCharacterIdsDifferingOnlyInCaseAreDifferentRecords() {
        assertTrue(!CrmRecordIds.normalize(CrmType.SALESFORCE, "006Dn00000A1b2C")
                .equals(CrmRecordIds.normalize(CrmType.SALESFORCE, "006dn00000a1b2c")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"006Dn00000A1b2", "006Dn00000A1b2CI", "006Dn00000A1b2C-AR", "006Dn00000A1b2C!AR",
        "006Dn00000A1b2Ca9R", "000000000000000ZZZ"})
    void malformedSalesforceIdsAreRefused(String id) {
        assertEquals(Optional.empty(), CrmRecordIds.normalize(CrmType.SALESFORCE, id));
    }

    @Test
    void theShapeTellsTheCrm() {
        assertEquals(Optional.of(CrmType.SALESFORCE), CrmRecordIds.crmTypeOf("006Dn00000A1b2C"));
        assertEquals(Optional.of(CrmType.SALESFORCE), CrmRecordIds.crmTypeOf("006Dn00000A1b2CIAR"));
        assertEquals(Optional.empty(), CrmRecordIds.crmTypeOf("12345"));
    }
}

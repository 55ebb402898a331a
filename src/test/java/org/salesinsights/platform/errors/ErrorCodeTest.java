package org.salesinsights.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A refusal known only by its status gets a code answered with that very status, never another's. */
class ErrorCodeTest {

    @Test
    void everyStatusOfACodeMapsBackToACodeOfThatStatus() {
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(code.status(), ErrorCode.ofStatus(code.status()).status(), code.name());
        }
    }

    @Test
    void aStatusWithoutACodeOfItsOwnIsTheFamilysGeneralOne() {
        assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.ofStatus(400));
        assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.ofStatus(418));
        assertEquals(ErrorCode.NOT_FOUND, ErrorCode.ofStatus(404));
        assertEquals(ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.ofStatus(502));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.ofStatus(503));
    }
}

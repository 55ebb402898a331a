package org.salesinsights.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://contoso.crm.dynamics.com/", "https://contoso.crm.dynamics.com",
        "contoso.crm.dynamics.com", "CONTOSO.crm.Dynamics.com", "contoso.crm.dynamics.com.",
        "https://contoso.crm.dynamics.com:443/main.aspx?appid=1", "http://contoso.crm.dynamics.com/",
        "HTTPS://Contoso.CRM.dynamics.com/", "contoso.crm.dynamics.com/", " contoso.crm.dynamics.com "})
    void everyFormOfAnOrgNamesOneHost(String value) {
        assertEquals(Optional.of("contoso.crm.dynamics.com"), OrgHosts.normalize(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://bücher.example/", "bücher.example", "xn--bcher-kva.example"})
    void internationalNamesCompareInTheirAsciiForm(String value) {
        assertEquals(Optional.of("xn--bcher-kva.example"), OrgHosts.normalize(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://contoso.crm.dynamics.com/", "https://user:pw@contoso.crm.dynamics.com/",
        "contoso..crm.dynamics.com", "https://", "https:///path", "con toso.crm.dynamics.com",
        "-contoso.crm.dynamics.com", "https://[::1]/", "contoso_crm.dynamics.com", "javascript:alert(1)",
        "https://contoso.crm.dynamics.com:99999999999/"})
    void malformedOrgUrlsAreRefused(String value) {
        assertEquals(Optional.empty(), OrgHosts.normalize(value));
    }
}

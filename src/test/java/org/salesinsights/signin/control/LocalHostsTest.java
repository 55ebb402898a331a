package org.salesinsights.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LocalHostsTest {

    @Test
    void loopbackNamesAndAddressesWithOrWithoutAPort() {
        for (String host : List.of("localhost", "LOCALHOST:8080", "localhost.", "localhost.:8080", "app.localhost:80",
                "127.0.0.1", "127.0.0.1:8080", "127.1.2.3:1", "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]:8080",
                " localhost ")) {
            assertTrue(LocalHosts.isLoopback(host), host);
        }
    }

    @Test
    void anyOtherHostIsRefused() {
        for (String host : List.of("", "evil.example", "localhost.evil.example", "evil.example:8080", "127.0.0.1.nip.io",
                "127.0.0.1.evil.example", "10.0.0.1", "0.0.0.0", "[::]", "[::2]", "127.0.0.256", "localhost:80:80",
                "localhost:8080'; rm -rf ~; echo '", "localhost/x", "localhost@evil.example", "[::1]x",
                "x".repeat(400))) {
            assertFalse(LocalHosts.isLoopback(host), host);
        }
        assertFalse(LocalHosts.isLoopback(null));
    }

    @Test
    void textIsQuotedAsOneShellWord() {
        assertEquals("'http://localhost:8080/api/'", LocalHosts.singleQuoted("http://localhost:8080/api/"));
        assertEquals("'a'\\''; rm -rf ~; echo '\\'''", LocalHosts.singleQuoted("a'; rm -rf ~; echo '"));
        assertEquals("'$(id) `id` \"x\"'", LocalHosts.singleQuoted("$(id) `id` \"x\""));
    }
}

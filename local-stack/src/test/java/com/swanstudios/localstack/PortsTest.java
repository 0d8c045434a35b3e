package com.swanstudios.localstack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortStopsTheStartNamingItsUserAndTheWayOut() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree(Map.of("gateway", port)))
                    .hasMessageContaining(port + " (gateway)").hasMessageContaining("--port-offset");
        }
    }

    @Test
    void freePortsPass() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> Ports.requireFree(Map.of("gateway", port))).doesNotThrowAnyException();
    }
}

package com.swanstudios.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * The stack's ports must be free before it starts anything: otherwise an application that cannot bind its
 * port dies while the readiness check, answered by whatever holds the port, reports it ready.
 */
final class Ports {

    private Ports() {
    }

    /** Fails naming every port in use (what wanted it, and how to move the whole stack). */
    static void requireFree(Map<String, Integer> portsByUser) {
        List<String> taken = portsByUser.entrySet().stream().filter(e -> !isFree(e.getValue()))
                .map(e -> e.getValue() + " (" + e.getKey() + ")").sorted().toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("port" + (taken.size() > 1 ? "s " : " ") + String.join(", ", taken)
                    + (taken.size() > 1 ? " are" : " is") + " in use by another process (an earlier stack still running?); "
                    + "stop it, or move this stack with --port-offset N");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

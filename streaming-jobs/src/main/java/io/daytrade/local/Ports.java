package io.daytrade.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports: which are free, and a free pair for a broker and its controller. */
public final class Ports {

    private Ports() {}

    public static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code preferred} and the next port if both are free, else a free pair the system picks. */
    public static int freePair(int preferred) throws IOException {
        if (preferred > 0 && isFree(preferred) && isFree(preferred + 1)) {
            return preferred;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = anyFree();
            if (port < 65535 && isFree(port + 1)) {
                return port;
            }
        }
        throw new IOException("no two consecutive free ports on 127.0.0.1");
    }

    public static int anyFree() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

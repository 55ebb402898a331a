package org.salesinsights.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between the server under test and its database, which a test can cut: {@link #blackhole()}
 * freezes every connection and accepts new ones without ever answering (a dead network: the worst case, as
 * nothing fails fast), {@link #restore()} drops the frozen connections (the database restarted) and forwards
 * again.
 */
public final class DatabaseProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean forwarding = true;

    public DatabaseProxy(int port, InetSocketAddress target) {
        this.target = target;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Every connection, old and new, stops answering; nothing is closed. */
    public void blackhole() {
        forwarding = false;
    }

    /** Closes the frozen connections and forwards new ones again. */
    public void restore() {
        closeAll();
        forwarding = true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeAll();
    }

    private void closeAll() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                if (!forwarding) {
                    continue; // held open, never answered, closed by restore()
                }
                Socket upstream = new Socket();
                upstream.connect(target, 2_000);
                sockets.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (!forwarding && !from.isClosed()) {
                        Thread.sleep(20); // frozen: keep the bytes, answer nothing
                    }
                    if (from.isClosed()) {
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (SocketException e) {
                // closed by the other side or by restore()
            } catch (IOException e) {
                // the connection is gone either way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "db-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }
}

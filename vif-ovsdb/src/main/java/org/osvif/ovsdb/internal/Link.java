package org.osvif.ovsdb.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.osvif.ovsdb.OvsdbEndpoint;

/** One open byte stream to the server: a unix socket, a TCP socket or a TLS socket. */
public final class Link implements Closeable {
    private final Closeable socket;
    private final InputStream in;
    private final OutputStream out;

    private Link(Closeable socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /**
     * Connects.
     *
     * @param endpoint where
     * @param tls the TLS context of an ssl endpoint, else null
     * @param timeout how long connecting and the TLS handshake may take
     * @return the open link
     * @throws IOException when the server cannot be reached or the handshake fails
     */
    public static Link open(OvsdbEndpoint endpoint, SSLContext tls, Duration timeout) throws IOException {
        switch (endpoint.kind()) {
            case UNIX:
                return unix(Path.of(endpoint.path()));
            case TCP: {
                Socket s = tcp(endpoint, timeout);
                return new Link(s, s.getInputStream(), s.getOutputStream());
            }
            default: {
                Socket plain = tcp(endpoint, timeout);
                try {
                    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, endpoint.host(),
                            endpoint.port(), true);
                    s.setUseClientMode(true);
                    s.setSoTimeout(millis(timeout));
                    s.startHandshake();
                    s.setSoTimeout(0);
                    return new Link(s, s.getInputStream(), s.getOutputStream());
                } catch (IOException | RuntimeException e) {
                    plain.close();
                    throw e;
                }
            }
        }
    }

    private static Link unix(Path path) throws IOException {
        // A unix connect either succeeds or fails at once (no SYN to wait for), so it needs no timeout.
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        // Not Channels.newInputStream/newOutputStream: on JDK 17 they share the channel's blocking lock,
        // so a write would wait for the reader thread's blocked read.
        InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : ch.read(ByteBuffer.wrap(b, off, len));
            }
        };
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        };
        return new Link(ch, in, out);
    }

    private static Socket tcp(OvsdbEndpoint endpoint, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port()), millis(timeout));
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** @return the stream of bytes from the server */
    public InputStream in() {
        return in;
    }

    /** @return the stream of bytes to the server */
    public OutputStream out() {
        return out;
    }

    /** Closes the socket; a blocked read returns or fails. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more can be done with a socket that fails to close.
        }
    }
}

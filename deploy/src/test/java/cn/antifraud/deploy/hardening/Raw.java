package cn.antifraud.deploy.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A bare TCP client for what HTTP clients will not do: half-sent requests, WebSocket frames with invalid UTF-8. */
final class Raw implements AutoCloseable {
    private final Socket socket;

    Raw(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Whether the server has closed the connection within {@code millis} (reads until end of stream). */
    boolean closedWithin(long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        long deadline = System.currentTimeMillis() + millis;
        InputStream in = socket.getInputStream();
        try {
            while (System.currentTimeMillis() < deadline) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
        return false;
    }

    /** Upgrades to a WebSocket on {@code path}; returns the response head. */
    String upgrade(String path) throws IOException {
        String key = Base64.getEncoder().encodeToString("abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII));
        send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** One masked, final text frame with these payload bytes (under 126 bytes). */
    void textFrame(byte[] payload) throws IOException {
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        send(frame);
    }

    /** The next frame from the server as {opcode, payload...}. */
    byte[] nextFrame() throws IOException {
        InputStream in = socket.getInputStream();
        int first = in.read();
        int len = in.read() & 0x7f;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        }
        byte[] payload = in.readNBytes(len);
        byte[] out = new byte[payload.length + 1];
        out[0] = (byte) (first & 0x0f);
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package cn.antifraud.deploy.channels;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's safe-mode cipher written out independently for the tests, from WeChat's documentation:
 * AES-256-CBC, key = Base64(EncodingAESKey + "="), IV = key[0..16), plaintext = random(16) + length(4, big
 * endian) + message + AppID, PKCS#7 padding to 32 bytes.
 */
final class WeChatCipher {
    private final byte[] key;
    private final String appId;

    WeChatCipher(String encodingAesKey, String appId) {
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        this.appId = appId;
    }

    String encrypt(String message) throws Exception {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appId.getBytes(StandardCharsets.UTF_8);
        int len = 20 + msg.length + id.length;
        int pad = 32 - len % 32;
        ByteBuffer b = ByteBuffer.allocate(len + pad).put("0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
            .putInt(msg.length).put(msg).put(id);
        while (b.hasRemaining()) {
            b.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(b.array()));
    }

    /** The message and the AppID found after it. */
    String[] decrypt(String encrypted) throws Exception {
        byte[] p = cipher(Cipher.DECRYPT_MODE).doFinal(Base64.getDecoder().decode(encrypted));
        int pad = p[p.length - 1];
        int len = ByteBuffer.wrap(p, 16, 4).getInt();
        return new String[] {new String(p, 20, len, StandardCharsets.UTF_8),
            new String(p, 20 + len, p.length - pad - 20 - len, StandardCharsets.UTF_8)};
    }

    private Cipher cipher(int mode) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return c;
    }
}

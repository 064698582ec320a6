package cn.antifraud.channels.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's signatures and safe mode. Signature: SHA-1 hex of the sorted, concatenated strings (token,
 * timestamp, nonce; plus the Encrypt field for msg_signature). Safe mode: AES-256-CBC with the key
 * Base64(EncodingAESKey + "="), IV = first 16 key bytes, plaintext = 16 random bytes + 4-byte big-endian
 * length + message + AppID, PKCS#7 padded to 32-byte blocks.
 */
public final class WeChatCrypto {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BLOCK = 32;

    private final byte[] key;
    private final String appId;

    public WeChatCrypto(String encodingAesKey, String appId) {
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        this.appId = appId;
    }

    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a received signature with the expected one. */
    public static boolean matches(String expected, String received) {
        return received != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
            received.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    public String encrypt(String message) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(random, message);
    }

    String encrypt(byte[] random, String message) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + msg.length + id.length;
        int pad = BLOCK - (length % BLOCK);
        ByteBuffer plain = ByteBuffer.allocate(length + pad).put(random).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, plain.array()));
    }

    /** The message inside an Encrypt field; fails when the AppID at its end is not ours. */
    public String decrypt(String encrypted) {
        byte[] plain = cipher(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(encrypted));
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length - 20) {
            throw new IllegalArgumentException("bad padding");
        }
        ByteBuffer buf = ByteBuffer.wrap(plain, 16, plain.length - 16 - pad);
        int msgLength = buf.getInt();
        if (msgLength < 0 || msgLength > buf.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        String message = new String(plain, 20, msgLength, StandardCharsets.UTF_8);
        String from = new String(plain, 20 + msgLength, plain.length - pad - 20 - msgLength, StandardCharsets.UTF_8);
        if (!from.equals(appId)) {
            throw new IllegalArgumentException("message for another AppID");
        }
        return message;
    }

    private byte[] cipher(int mode, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt"), e);
        }
    }
}

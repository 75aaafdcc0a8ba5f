package org.storeline.db.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest (channel credentials, webhook secrets). Each value gets a fresh
 * 96-bit nonce stored in front of it. The key id (the first 8 bytes of the key's SHA-256, hex) is stored
 * beside every value, so a key can be rotated: old values stay readable with the old key while new ones
 * are written with the current one.
 */
public final class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    /** {@code current} encrypts; {@code older} keys only decrypt what they encrypted. */
    public SecretBox(byte[] current, byte[]... older) {
        HashMap<String, SecretKeySpec> all = new HashMap<>();
        for (byte[] key : older) {
            all.put(keyId(key), spec(key));
        }
        this.currentKeyId = keyId(current);
        all.put(currentKeyId, spec(current));
        this.keys = Map.copyOf(all);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public byte[] encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JDK", e);
        }
    }

    public String decrypt(String keyId, byte[] boxed) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException(
                    "No key with id " + keyId + " is configured: set the key that encrypted this secret "
                            + "(STORELINE_SECRET_KEYS_OLD) to read it.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, boxed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(boxed, NONCE_BYTES, boxed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "A stored secret could not be decrypted with key " + keyId + ": it was changed or the key is wrong",
                    e);
        }
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("An AES-256 key has 32 bytes, not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}

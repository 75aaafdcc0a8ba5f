package org.storeline.channels.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature primitives the platforms use, and a constant-time comparison for all of them. */
public final class Signatures {
    private Signatures() {}

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    public static String hmacSha256Base64(String secret, byte[] message) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), message));
    }

    public static String md5Hex(byte[] message) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(message));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is in every JDK", e);
        }
    }

    /** Compares a signature we computed with the one received, in time independent of where they differ. */
    public static boolean matches(String expected, String received) {
        if (received == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), received.trim().getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] concat(byte[] first, byte[] second) {
        byte[] result = new byte[first.length + second.length];
        System.arraycopy(first, 0, result, 0, first.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}

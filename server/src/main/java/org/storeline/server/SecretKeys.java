package org.storeline.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.storeline.db.crypto.SecretBox;

/**
 * Where the key that seals channel secrets comes from: {@code STORELINE_SECRET_KEY} (base64 of 32 bytes),
 * else the key file in the data directory, made on first start (readable by its owner only).
 * {@code STORELINE_SECRET_KEYS_OLD} (comma-separated) keeps secrets sealed with earlier keys readable.
 * On a shared database ({@code --db-url}) no key is made: every process must seal and open secrets with the same
 * key, and a key made by one process in its own directory would differ from the others'.
 */
public final class SecretKeys {
    public static final String KEY_FILE = "secret.key";

    private SecretKeys() {}

    public record Loaded(byte[] current, List<byte[]> old, String origin) {}

    /**
     * @param mayGenerate whether a missing key may be made in the data directory (the embedded database, whose
     *                    directory is this process's own); otherwise a missing key stops the start with a clear error
     */
    public static Loaded load(
            Optional<String> fromEnvironment, Optional<String> oldFromEnvironment, Path dataDir, boolean mayGenerate) {
        List<byte[]> old = new ArrayList<>();
        oldFromEnvironment.ifPresent(list -> {
            for (String key : list.split(",")) {
                if (!key.isBlank()) {
                    old.add(decode(key, "STORELINE_SECRET_KEYS_OLD"));
                }
            }
        });
        if (fromEnvironment.isPresent()) {
            return new Loaded(
                    decode(fromEnvironment.get(), "STORELINE_SECRET_KEY"),
                    old,
                    "the STORELINE_SECRET_KEY environment variable");
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return new Loaded(
                        decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()),
                        old,
                        file.toString());
            }
            if (!mayGenerate) {
                throw new MissingSecretKeyException(file);
            }
            Files.createDirectories(dataDir);
            byte[] key = SecretBox.newKey();
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
            return new Loaded(key, old, file + " (generated now: back it up with the database)");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secret key file " + file, e);
        }
    }

    /** Said at start, before anything else happens, when a shared database is used without a key. */
    public static final class MissingSecretKeyException extends IllegalStateException {
        MissingSecretKeyException(Path file) {
            super("With --db-url, every Storeline process on the database must use the same secret key: set "
                    + "STORELINE_SECRET_KEY to base64 of 32 random bytes (openssl rand -base64 32), "
                    + "the same for every process, "
                    + "or put that key in " + file + ". Keep it with the database's backups: channel secrets cannot be "
                    + "read without it.");
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("it has " + key.length + " bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The secret key in " + where + " must be base64 of 32 random bytes (openssl rand -base64 32): "
                            + e.getMessage(),
                    e);
        }
    }
}

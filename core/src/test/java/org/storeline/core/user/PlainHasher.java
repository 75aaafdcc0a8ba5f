package org.storeline.core.user;

/** "Hashes" a password by prefixing it, for the use cases' tests: Argon2id is the server's, and slow. */
public final class PlainHasher implements PasswordHasher {
    @Override
    public String hash(String password) {
        return "hashed:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash.equals("hashed:" + password);
    }
}

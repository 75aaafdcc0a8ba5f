package org.storeline.web.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.storeline.core.user.PasswordHasher;

/** Argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). */
public final class Argon2PasswordHasher implements PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    @Override
    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2);
    }
}

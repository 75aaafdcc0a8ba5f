package org.storeline.web.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookieTest {
    @Test
    void theCookieIsHttpOnlyAndSameSiteLaxAndSecureOnlyWhenAsked() {
        assertThat(SessionCookie.cookie("abc", 60, false))
                .isEqualTo("storeline_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
        assertThat(SessionCookie.cookie("abc", 60, true)).endsWith("; SameSite=Lax; Secure");
    }
}

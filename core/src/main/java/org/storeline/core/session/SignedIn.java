package org.storeline.core.session;

import java.util.Optional;
import org.storeline.core.outlet.Language;
import org.storeline.core.user.Actor;

/**
 * Who a session belongs to, as they are now (role and outlets read again on each request), with the session's CSRF
 * token and the user's chosen language (empty: follow the browser).
 */
public record SignedIn(StaffSession session, Actor actor, String email, Optional<Language> language) {}

package org.storeline.web.app.user;

import java.util.List;
import java.util.Optional;
import org.storeline.web.app.view.Shell;

/** What the users pages show, in the reader's words. */
public final class UserViews {
    private UserViews() {}

    public record Choice(String value, String label, boolean selected) {}

    /** {@code active}: false once deactivated, shown as a badge in words. */
    public record Row(String id, String name, String email, String role, String outlets, boolean active) {}

    /** The list and the form to add a user (filled in again, but for the password, when it was refused). */
    public record ListPage(
            Shell shell,
            List<Row> users,
            String name,
            String email,
            List<Choice> roles,
            List<Choice> outlets,
            Optional<String> error) {}

    public record Token(String id, String label, String created, String lastUsed) {}

    /**
     * One user: their facts, the form to change them (filled in again when refused), whether they are active (with
     * Deactivate, confirmed in a dialog, or Reactivate; not on one's own page) and their API tokens.
     */
    public record UserPage(
            Shell shell,
            String id,
            String name,
            String email,
            String role,
            String outlets,
            boolean active,
            boolean own,
            boolean confirmDeactivate,
            String formName,
            List<Choice> roles,
            List<Choice> outletChoices,
            List<Token> tokens,
            Optional<String> newToken,
            Optional<String> done,
            Optional<String> error) {}
}

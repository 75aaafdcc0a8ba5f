package org.storeline.web.app.channel;

import java.util.List;
import java.util.Optional;
import org.storeline.web.app.view.Shell;

/** What the channel pages show, already in the reader's words: each template takes one of these. */
public final class ChannelViews {
    private ChannelViews() {}

    /** One choice of a select or a set of checkboxes. */
    public record Choice(String value, String label, boolean selected) {}

    /** A label and its value, as a fact list shows them. */
    public record Fact(String label, String value) {}

    /** The health of a channel in one word ({@code key} for the style, {@code label} in words) and its figures. */
    public record Health(String key, String label, List<Fact> facts) {}

    public record Row(String id, String name, String platform, Health health) {}

    public record ListPage(Shell shell, List<Row> rows, boolean showUnlinked, Optional<String> done) {}

    /** A credential's field: secrets are password fields, never filled in again. */
    public record CredentialField(String name, String label, boolean required, boolean secret, String value) {}

    public record FormPage(
            Shell shell,
            List<Choice> platforms,
            String platform,
            String platformLabel,
            String exampleUrl,
            List<CredentialField> credentials,
            String name,
            String baseUrl,
            List<Choice> outlets,
            List<Choice> registers,
            boolean notifications,
            Optional<String> error) {}

    /** An outlet in the channel's settings: its place in the order that fulfils orders, blank when not linked. */
    public record OutletOrder(String id, String name, String position) {}

    /** A shipping method mapped to an outlet; blank rows let the form add some. */
    public record Method(int index, String name, List<Choice> outlets) {}

    public record Entry(
            String id,
            String at,
            String kind,
            String outcome,
            String outcomeKey,
            String order,
            String reason,
            String call,
            boolean retryable,
            String retried) {}

    public record Activity(
            List<Choice> kinds,
            List<Choice> outcomes,
            boolean narrowed,
            List<Entry> entries,
            Optional<String> nextUrl) {}

    public record ChannelPage(
            Shell shell,
            String id,
            String name,
            String platform,
            boolean linked,
            String webhookUrl,
            List<String> credentialNames,
            Health health,
            List<OutletOrder> outlets,
            List<Choice> registers,
            List<Method> methods,
            boolean notifications,
            Activity activity,
            Optional<String> done,
            Optional<String> error) {}

    public record UnlinkPage(Shell shell, String id, String name) {}

    /** A manual import as its progress fragment shows it; {@code pollUrl} is set while it runs. */
    public record ImportView(
            Shell shell,
            Optional<String> pollUrl,
            String status,
            List<Fact> figures,
            List<String> problems,
            boolean failed) {}
}

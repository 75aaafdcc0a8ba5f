package org.storeline.channels.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;

/** WooCommerce's text conventions: UTC times without an offset, HTML entities in names, address parts. */
final class WooCommerceText {
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:)");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"),
            Map.entry("times", "\u00d7"),
            Map.entry("hellip", "\u2026"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"),
            Map.entry("euro", "\u20ac"));

    private WooCommerceText() {}

    /**
     * A {@code *_gmt} time. WooCommerce writes UTC without an offset ("2017-03-22T19:28:02"), which a
     * lenient parser would read in the server's zone: read it as UTC explicitly. An offset, if a plugin
     * adds one, is honoured.
     */
    static Instant gmt(String value) {
        // MySQL's "2017-03-22 19:28:02" (how WooCommerce stores the time, and what a plugin adding or
        // rewriting a date field tends to write) is the same instant: accept the space for the 'T'.
        String text = DATE_SPACE_TIME.matcher(value.trim()).replaceFirst("$1T$2");
        try {
            if (text.endsWith("Z") || text.endsWith("z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(text.replace('z', 'Z')).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw PlatformCallException.unreadable("WooCommerce sent a time Storeline cannot read: '" + text + "'", e);
        }
    }

    static Optional<Instant> gmt(JsonNode node, String field) {
        return PlatformJson.text(node, field).map(WooCommerceText::gmt);
    }

    /**
     * Names come HTML-escaped ("Ship Your Idea &amp;ndash; Color: Black"): WordPress stores titles that
     * way. Receipts and reports want the characters.
     */
    static String decode(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(entity(matcher.group(1)).orElse(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Optional<String> entity(String body) {
        if (body.startsWith("#")) {
            boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
            int codePoint = Integer.parseInt(body.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) && codePoint != 0
                    ? Optional.of(new String(Character.toChars(codePoint)))
                    : Optional.empty();
        }
        return Optional.ofNullable(NAMED.get(body));
    }

    static Optional<String> decodedText(JsonNode node, String field) {
        return PlatformJson.text(node, field).map(WooCommerceText::decode);
    }

    /** "first last" from an address object; empty strings are absent (guest checkouts often send ""). */
    static Optional<String> personName(JsonNode address) {
        String name = join(" ", PlatformJson.text(address, "first_name"), PlatformJson.text(address, "last_name"));
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The shipping address as lines a person reads on a packing slip; empty when WooCommerce has none. */
    static Optional<String> address(JsonNode address) {
        List<String> lines = new ArrayList<>();
        personName(address).ifPresent(lines::add);
        PlatformJson.text(address, "company").ifPresent(lines::add);
        PlatformJson.text(address, "address_1").ifPresent(lines::add);
        PlatformJson.text(address, "address_2").ifPresent(lines::add);
        String town = join(
                " ",
                PlatformJson.text(address, "city"),
                PlatformJson.text(address, "state"),
                PlatformJson.text(address, "postcode"));
        if (!town.isEmpty()) {
            lines.add(town);
        }
        PlatformJson.text(address, "country").ifPresent(lines::add);
        boolean onlyAName = lines.size() <= 1 && personName(address).isPresent();
        return lines.isEmpty() || onlyAName ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    @SafeVarargs
    private static String join(String separator, Optional<String>... parts) {
        List<String> present = new ArrayList<>();
        for (Optional<String> part : parts) {
            part.ifPresent(present::add);
        }
        return String.join(separator, present);
    }
}

package org.storeline.web.report;

import java.util.Locale;

/**
 * Which format a report is answered in, from the request's {@code Accept} header: CSV when the client prefers
 * {@code text/csv} to {@code application/json}, JSON otherwise. JSON is the default: without the header, with one
 * that cannot be read, with a tie, or when neither is acceptable (a report never answers 406).
 *
 * <p>Preference follows HTTP's rules: each type takes the weight ({@code q}) of the most specific range that matches
 * it ({@code text/csv} before {@code text/*} before {@code *}{@code /*}); at equal weight the type named more
 * specifically wins, so {@code text/csv, *}{@code /*} is CSV and {@code application/json, text/csv} is JSON.
 */
enum ReportFormat {
    JSON,
    CSV;

    private record Preference(double q, int specificity) {
        boolean beats(Preference other) {
            return q > other.q || (q == other.q && specificity > other.specificity);
        }
    }

    private static final Preference UNACCEPTABLE = new Preference(0, -1);

    static ReportFormat from(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        Preference csv = preference(accept, "text", "csv");
        Preference json = preference(accept, "application", "json");
        return csv.q() > 0 && csv.beats(json) ? CSV : JSON;
    }

    /** The weight of the most specific range of {@code accept} that matches {@code type/subtype}. */
    private static Preference preference(String accept, String type, String subtype) {
        Preference best = UNACCEPTABLE;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";", -1);
            String[] mediaType = parts[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (mediaType.length != 2) {
                continue;
            }
            int specificity = specificity(mediaType[0], mediaType[1], type, subtype);
            if (specificity < 0 || specificity <= best.specificity()) {
                continue;
            }
            double q = weight(parts);
            if (!Double.isNaN(q)) {
                best = new Preference(q, specificity);
            }
        }
        return best;
    }

    /** 2 for the exact type, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 when the range does not match. */
    private static int specificity(String rangeType, String rangeSubtype, String type, String subtype) {
        if (rangeType.equals(type) && rangeSubtype.equals(subtype)) {
            return 2;
        }
        if (rangeType.equals(type) && rangeSubtype.equals("*")) {
            return 1;
        }
        return rangeType.equals("*") && rangeSubtype.equals("*") ? 0 : -1;
    }

    /** The range's {@code q} (1 when absent), or NaN when it is not a weight from 0 to 1. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                String value = parameter[1].trim();
                if (!value.matches("(0(\\.\\d{0,3})?|1(\\.0{0,3})?)")) {
                    return Double.NaN;
                }
                return Double.parseDouble(value);
            }
        }
        return 1;
    }
}

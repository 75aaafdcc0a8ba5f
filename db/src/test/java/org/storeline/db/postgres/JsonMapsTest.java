package org.storeline.db.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMapsTest {

    @Test
    void anyMapSurvivesTheRoundTripIncludingSeparatorsNewlinesQuotesAndBackslashes() {
        Map<String, String> values = Map.of(
                "x-wc-webhook-signature", "abc+/=", "odd: name", "a: b\nc\\d\re\"f", "empty", "", "ünïcode", "€");

        assertThat(JsonMaps.fromJson(JsonMaps.toJson(values))).isEqualTo(values);
        assertThat(JsonMaps.fromJsonb(JsonMaps.toJsonb(values))).isEqualTo(values);
    }

    @Test
    void writesAPlainJsonObject() {
        // A slash may be escaped in JSON ("application\/json"): PostgreSQL reads both the same.
        assertThat(JsonMaps.toJson(Map.of("content-type", "text/plain")))
                .isIn("{\"content-type\":\"text/plain\"}", "{\"content-type\":\"text\\/plain\"}");
    }

    @Test
    void credentialsSealedInTheOldLineFormatAreStillRead() {
        assertThat(JsonMaps.fromSealedCredentials("consumer_key: ck_1\nodd\\cname: a\\\\b\\nc\n"))
                .isEqualTo(Map.of("consumer_key", "ck_1", "odd:name", "a\\b\nc"));
        assertThat(JsonMaps.fromSealedCredentials("{\"consumer_key\":\"ck_1\"}"))
                .isEqualTo(Map.of("consumer_key", "ck_1"));
    }
}
